package studio.tandem.teleop.sim;

import java.util.List;
import studio.tandem.teleop.sim.render.RenderScene;

/**
 * Mirrors the simulated scene into a {@link RenderScene}: one render body per {@link SceneBody}, poses
 * copied from a {@link SimSnapshot}. Owned by one camera thread; allocation-free per frame.
 */
final class RenderSceneBridge {
    private final RenderScene scene;
    private final int count;
    private final float[] pose = new float[16];

    RenderSceneBridge(List<SceneBody> bodies) {
        scene = new RenderScene(bodies.size());
        scene.setAmbient(0.35f, 0.35f, 0.37f);
        scene.setDirectionalLight(0, -0.3f, 0.4f, -1f, 0.75f, 0.75f, 0.72f);
        scene.setDirectionalLight(1, 0.6f, -0.3f, -0.5f, 0.25f, 0.25f, 0.28f);
        scene.setLightCount(2);
        for (SceneBody b : bodies) {
            scene.addBody(renderShape(b.shape()), renderDims(b), b.rgba());
        }
        count = bodies.size();
    }

    RenderScene scene() {
        return scene;
    }

    /** Copies every body pose of {@code s} into the render scene as one consistent update. */
    void update(SimSnapshot s) {
        scene.beginUpdate();
        try {
            for (int i = 0; i < count; i++) {
                s.bodyPose(i, pose);
                scene.setPose(i, pose);
            }
        } finally {
            scene.endUpdate();
        }
    }

    private static studio.tandem.teleop.sim.render.Shape renderShape(Shape s) {
        return switch (s) {
            case BOX -> studio.tandem.teleop.sim.render.Shape.BOX;
            case CYLINDER -> studio.tandem.teleop.sim.render.Shape.CYLINDER;
            case SPHERE -> studio.tandem.teleop.sim.render.Shape.SPHERE;
            case CAPSULE -> studio.tandem.teleop.sim.render.Shape.CAPSULE;
        };
    }

    /** Physics dims (full sizes and lengths) to render dims (half extents, half heights). */
    private static float[] renderDims(SceneBody b) {
        double[] d = b.dims();
        return switch (b.shape()) {
            case BOX -> new float[] {(float) d[0] / 2, (float) d[1] / 2, (float) d[2] / 2};
            case CYLINDER, CAPSULE -> new float[] {(float) d[0], (float) d[1] / 2};
            case SPHERE -> new float[] {(float) d[0]};
        };
    }
}
