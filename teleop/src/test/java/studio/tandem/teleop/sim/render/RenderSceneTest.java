package studio.tandem.teleop.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

class RenderSceneTest {

    private static final float[] GREY = {0.5f, 0.5f, 0.5f, 1f};

    @Test
    void addsBodiesWithIdentityPoseAndCopiesThemIntoASnapshot() {
        RenderScene scene = new RenderScene(4);
        int a = scene.addBody(Shape.BOX, new float[] {0.1f, 0.2f, 0.3f}, GREY);
        int b = scene.addBody(Shape.CAPSULE, new float[] {0.05f, 0.4f}, new float[] {1f, 0f, 0f, 0.5f});
        assertThat(a).isZero();
        assertThat(b).isEqualTo(1);
        assertThat(scene.bodyCount()).isEqualTo(2);
        scene.setPosition(b, 1f, 2f, 3f);

        SceneSnapshot s = new SceneSnapshot();
        scene.copyTo(s);
        assertThat(s.count).isEqualTo(2);
        assertThat(s.shapes[1]).isEqualTo(Shape.CAPSULE.ordinal());
        assertThat(s.dims[0]).isEqualTo(0.1f);
        assertThat(s.dims[2]).isEqualTo(0.3f);
        assertThat(s.dims[4]).isEqualTo(0.4f);
        assertThat(s.poses[0]).isEqualTo(1f);
        assertThat(s.poses[5]).isEqualTo(1f);
        assertThat(s.poses[16 + 12]).isEqualTo(1f);
        assertThat(s.poses[16 + 14]).isEqualTo(3f);
        assertThat(s.colors[7]).isEqualTo(0.5f);
        assertThat(s.visible[0]).isTrue();
        assertThat(s.lightCount).isEqualTo(1);
    }

    @Test
    void setPoseFromJomlMatchesTheArrayForm() {
        RenderScene scene = new RenderScene(2);
        int id = scene.addBody(Shape.SPHERE, new float[] {0.1f}, GREY);
        Matrix4f m = new Matrix4f().rotateZ(0.7f).setTranslation(0.1f, 0.2f, 0.3f);
        scene.setPose(id, m);
        float[] got = new float[16];
        scene.getPose(id, got);
        assertThat(got).containsExactly(m.get(new float[16]));
    }

    @Test
    void rejectsBadInputWithMessagesThatNameTheProblem() {
        RenderScene scene = new RenderScene(1);
        assertThatThrownBy(() -> scene.addBody(Shape.BOX, new float[] {1f, 1f}, GREY))
                .hasMessageContaining("BOX needs 3 dims (half extents x,y,z), got 2");
        assertThatThrownBy(() -> scene.addBody(Shape.SPHERE, new float[] {-1f}, GREY))
                .hasMessageContaining("SPHERE dim 0 (radius) must be a positive");
        assertThatThrownBy(() -> scene.addBody(Shape.SPHERE, new float[] {1f}, new float[] {1f, 2f, 0f, 1f}))
                .hasMessageContaining("body colour component 1 must be in [0, 1], got 2.0");
        int id = scene.addBody(Shape.SPHERE, new float[] {1f}, GREY);
        assertThatThrownBy(() -> scene.addBody(Shape.SPHERE, new float[] {1f}, GREY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("capacity 1");
        float[] nan = new float[16];
        nan[13] = Float.NaN;
        assertThatThrownBy(() -> scene.setPose(id, nan)).hasMessageContaining("pose of body 0 has a non-finite element at 13");
        assertThatThrownBy(() -> scene.setPose(5, new float[16])).hasMessageContaining("no body 5 (scene has 1)");
        assertThatThrownBy(() -> scene.setDirectionalLight(4, 0, 0, -1, 1, 1, 1)).hasMessageContaining("light index 4");
        assertThatThrownBy(() -> scene.setDirectionalLight(0, 0, 0, 0, 1, 1, 1)).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new RenderScene(0)).hasMessageContaining("capacity must be positive");
    }

    @Test
    void batchesAreNotReentrantAndMustEndOnTheirThread() {
        RenderScene scene = new RenderScene(1);
        assertThatThrownBy(scene::endUpdate).hasMessageContaining("without beginUpdate");
        scene.beginUpdate();
        assertThatThrownBy(scene::beginUpdate).hasMessageContaining("twice");
        scene.endUpdate();
    }

    /**
     * A writer thread publishes steps in which every body gets the same translation x = step; a reader copying
     * snapshots concurrently must never see two different steps in one snapshot.
     */
    @Test
    void readersSeeWholeStepsOnlyWhileThePhysicsThreadWrites() throws InterruptedException {
        int bodies = 24;
        RenderScene scene = new RenderScene(bodies);
        for (int i = 0; i < bodies; i++) {
            scene.addBody(Shape.BOX, new float[] {0.1f, 0.1f, 0.1f}, GREY);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong steps = new AtomicLong();
        Thread physics = new Thread(() -> {
            float[] pose = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
            for (int step = 1; !stop.get(); step++) {
                scene.beginUpdate();
                for (int i = 0; i < bodies; i++) {
                    pose[12] = step;
                    scene.setPose(i, pose);
                }
                scene.endUpdate();
                steps.set(step);
            }
        }, "physics");
        physics.start();
        SceneSnapshot s = new SceneSnapshot();
        int torn = 0;
        int distinct = 0;
        float last = -1f;
        long deadline = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < deadline) {
            scene.copyTo(s);
            float x0 = s.poses[12];
            for (int i = 1; i < bodies; i++) {
                if (s.poses[16 * i + 12] != x0) {
                    torn++;
                    break;
                }
            }
            if (x0 != last) {
                distinct++;
                last = x0;
            }
        }
        stop.set(true);
        physics.join();
        assertThat(torn).as("snapshots mixing two physics steps").isZero();
        assertThat(steps.get()).as("physics steps written").isGreaterThan(10);
        assertThat(distinct).as("distinct steps observed by the reader").isGreaterThan(1);
    }
}
