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
 * The robot and, on a simulated station, its scene in 3D: the arm drawn from the station's joint
 * state through forward kinematics ({@link RobotPoseModel}: one link per joint, the hand or gripper as
 * a block at the TCP), whatever the station; the table and objects from the physics snapshot only
 * when there is a simulation. A {@link SubScene} with a {@link PerspectiveCamera}; every shape under a
 * reused {@link Affine}, updated at screen rate only when something moved. Where the platform has no
 * 3D (Monocle, software pipeline) it shows a note instead. World frame: robot base, metres, z up;
 * drawn at 100 units per metre. FX thread.
 */
public final class Robot3dView implements FrameTicker.Refreshable {
    private static final double UNITS_PER_M = 100;
    private static final double LINK_RADIUS = 0.04;
    private static final double HAND_LENGTH = 0.12;

    private final RobotPoseModel robot;
    private final SimStation scene;
    private final Node node;
    private final SimSnapshot snap;
    private final Affine[] links;
    private final Affine[] joints;
    private final Affine hand = new Affine();
    private final Affine[] poses;
    private final float[] m = new float[16];
    private long seenStep = -1;
    private long updates;

    /**
     * @param robot the arm's pose model
     * @param scene the simulation whose table and objects are drawn, or null on real hardware
     */
    public Robot3dView(RobotPoseModel robot, SimStation scene, double width, double height) {
        this.robot = robot;
        this.scene = scene;
        this.snap = scene == null ? null : scene.newSnapshot();
        List<SceneBody> bodies = scene == null ? List.of() : scene.bodies();
        this.poses = new Affine[bodies.size()];
        int dof = robot.chain().dof();
        this.links = new Affine[dof];
        this.joints = new Affine[dof + 1];
        if (!available()) {
            Label l = new Label("3D view needs a hardware (es2) pipeline; this display has none.");
            l.getStyleClass().add("camera-missing");
            l.setPrefSize(width, height);
            l.setWrapText(true);
            node = l;
            return;
        }
        Group world = new Group(robotShapes());
        for (SceneBody b : bodies) {
            if (isScene(b)) {
                poses[b.index()] = new Affine();
                Group g = new Group(shape(b));
                g.getTransforms().add(poses[b.index()]);
                world.getChildren().add(g);
            }
        }
        world.getTransforms().addAll(new Rotate(90, Rotate.X_AXIS), new Scale(UNITS_PER_M, UNITS_PER_M, UNITS_PER_M),
                new Translate(-0.35, 0, -0.2));
        node = subScene(world, width, height);
        refresh(0);
    }

    /** Table and objects: bodies that are not part of the robot (base, arm links, hand or gripper parts). */
    static boolean isScene(SceneBody b) {
        return !b.name().equals("base") && b.name().indexOf('.') < 0;
    }

    private Group robotShapes() {
        Group g = new Group();
        PhongMaterial link = material(Color.web("#9aa4b1"));
        PhongMaterial joint = material(Color.web("#3d7bd9"));
        for (int i = 0; i < links.length; i++) {
            links[i] = new Affine();
            Cylinder c = new Cylinder(LINK_RADIUS, 1, 20);
            c.setMaterial(link);
            c.setId("link" + (i + 1));
            c.getTransforms().add(links[i]);
            g.getChildren().add(c);
        }
        for (int i = 0; i < joints.length; i++) {
            joints[i] = new Affine();
            Sphere s = new Sphere(LINK_RADIUS * 1.25, 16);
            s.setMaterial(joint);
            s.getTransforms().add(joints[i]);
            g.getChildren().add(s);
        }
        Cylinder base = new Cylinder(0.075, 0.1, 24);
        base.setMaterial(joint);
        base.setId("base");
        base.getTransforms().addAll(new Translate(0, 0, 0.05), new Rotate(90, Rotate.X_AXIS));
        g.getChildren().add(base);
        Box h = new Box(0.09, 0.06, HAND_LENGTH);
        h.setMaterial(material(Color.web("#d9a23d")));
        h.setId("hand");
        h.getTransforms().addAll(hand, new Translate(0, 0, HAND_LENGTH / 2));
        g.getChildren().add(h);
        return g;
    }

    private static SubScene subScene(Group world, double width, double height) {
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
        return sub;
    }

    /** Whether this platform renders 3D (false under Monocle's software pipeline). */
    public static boolean available() {
        return Platform.isSupported(ConditionalFeature.SCENE3D);
    }

    private static PhongMaterial material(Color c) {
        PhongMaterial mat = new PhongMaterial(c);
        mat.setSpecularColor(Color.gray(0.3));
        return mat;
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
        s.setMaterial(material(Color.color(c[0], c[1], c[2], c[3])));
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
        boolean moved = robot.update();
        if (moved) {
            RobotLinks.pose(robot, links, joints, hand);
        }
        if (scene != null) {
            scene.read(snap);
            if (snap.step() != seenStep) {
                seenStep = snap.step();
                moved = true;
                for (int i = 0; i < poses.length; i++) {
                    if (poses[i] != null) {
                        snap.bodyPose(i, m);
                        poses[i].setToTransform(m[0], m[4], m[8], m[12], m[1], m[5], m[9], m[13], m[2], m[6], m[10],
                                m[14]);
                    }
                }
            }
        }
        if (moved) {
            updates++;
        }
    }

    /** Redraws applied so far (tests check the view follows the robot and the scene). */
    public long updates() {
        return updates;
    }

    /** A scene body's pose transform (table and objects; null for robot parts and without a simulation). */
    public Affine pose(int body) {
        return poses[body];
    }

    /** Link {@code i}'s transform (0-based: the segment from frame i to frame i+1, unit cylinder along y). */
    public Affine linkPose(int i) {
        return links[i];
    }

    /** The hand block's transform: the TCP frame. */
    public Affine handPose() {
        return hand;
    }

    public RobotPoseModel robot() {
        return robot;
    }

    public Node node() {
        return node;
    }
}
