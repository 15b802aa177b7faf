package studio.tandem.app.studio.collect;

import java.util.List;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Shape3D;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.teleop.sim.SceneBody;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.sim.SimStation;

/**
 * The robot and its scene in 3D (arm links, hand, table, objects), posed from the same station
 * snapshot the cameras and the loop use: a {@link SubScene} with a {@link PerspectiveCamera}, one
 * shape per scene body under a reused {@link Affine}, updated at screen rate only when the physics
 * stepped. Where the platform has no 3D (Monocle, software pipeline) it shows a note instead.
 * World frame: robot base, metres, z up; drawn at 100 units per metre. FX thread.
 */
public final class Robot3dView implements FrameTicker.Refreshable {
    private static final double UNITS_PER_M = 100;

    private final SimStation engine;
    private final Node node;
    private final SimSnapshot snap;
    private final Affine[] poses;
    private final float[] m = new float[16];
    private long seenStep = -1;
    private long updates;

    public Robot3dView(SimStation engine, double width, double height) {
        this.engine = engine;
        this.snap = engine.newSnapshot();
        List<SceneBody> bodies = engine.bodies();
        this.poses = new Affine[bodies.size()];
        if (!available()) {
            Label l = new Label("3D view needs a hardware (es2) pipeline; this display has none.");
            l.getStyleClass().add("camera-missing");
            l.setPrefSize(width, height);
            l.setWrapText(true);
            node = l;
            return;
        }
        Group world = new Group();
        for (SceneBody b : bodies) {
            poses[b.index()] = new Affine();
            Group g = new Group(shape(b));
            g.getTransforms().add(poses[b.index()]);
            world.getChildren().add(g);
        }
        world.getTransforms().addAll(new Rotate(90, Rotate.X_AXIS), new Scale(UNITS_PER_M, UNITS_PER_M, UNITS_PER_M),
                new Translate(-0.35, 0, -0.2));
        PointLight key = new PointLight(Color.gray(0.85));
        key.getTransforms().add(new Translate(-150, -250, -200));
        Group root = new Group(world, new AmbientLight(Color.gray(0.35)), key);
        SubScene sub = new SubScene(root, width, height, true, SceneAntialiasing.BALANCED);
        sub.setFill(Color.web("#0d1117"));
        PerspectiveCamera cam = new PerspectiveCamera(true);
        cam.setNearClip(1);
        cam.setFarClip(5000);
        cam.setFieldOfView(40);
        cam.getTransforms().addAll(new Rotate(-35, Rotate.Y_AXIS), new Rotate(-28, Rotate.X_AXIS),
                new Translate(0, 0, -185));
        sub.setCamera(cam);
        sub.setId("robot3d");
        node = sub;
        refresh(0);
    }

    /** Whether this platform renders 3D (false under Monocle's software pipeline). */
    public static boolean available() {
        return Platform.isSupported(ConditionalFeature.SCENE3D);
    }

    private static Node shape(SceneBody b) {
        double[] d = b.dims();
        Shape3D s = switch (b.shape()) {
            case BOX -> new Box(d[0], d[1], d[2]);
            case SPHERE -> new Sphere(d[0], 24);
            case CYLINDER, CAPSULE -> new Cylinder(d[0], d[1] + (b.shape() == studio.tandem.teleop.sim.Shape.CAPSULE
                    ? 2 * d[0] : 0), 24);
        };
        float[] c = b.rgba();
        PhongMaterial mat = new PhongMaterial(Color.color(c[0], c[1], c[2], c[3]));
        mat.setSpecularColor(Color.gray(0.3));
        s.setMaterial(mat);
        if (s instanceof Cylinder) {
            s.getTransforms().add(new Rotate(90, Rotate.X_AXIS));
        }
        s.setId(b.name());
        return s;
    }

    @Override
    public void refresh(long nowNanos) {
        if (!(node instanceof SubScene)) {
            return;
        }
        engine.read(snap);
        if (snap.step() == seenStep) {
            return;
        }
        seenStep = snap.step();
        for (int i = 0; i < poses.length; i++) {
            snap.bodyPose(i, m);
            poses[i].setToTransform(m[0], m[4], m[8], m[12], m[1], m[5], m[9], m[13], m[2], m[6], m[10], m[14]);
        }
        updates++;
    }

    /** Pose updates applied so far (tests check the view follows the physics). */
    public long updates() {
        return updates;
    }

    /** The body's current pose transform (tests compare it with the snapshot). */
    public Affine pose(int body) {
        return poses[body];
    }

    public Node node() {
        return node;
    }
}
