package studio.tandem.teleop.sim.render;

/**
 * A small tabletop scene for demos, benchmarks and tests: grey floor, wooden table, a red cube, a green
 * sphere, a blue cylinder, a yellow capsule and a three-link grey arm whose last link carries a wrist camera.
 * World frame: metres, z up, table top at z = 0.75.
 */
public final class SampleTabletop {

    /** Height of the table top above the floor, metres. */
    public static final float TABLE_TOP_Z = 0.75f;

    private final RenderScene scene;
    private final int redCube;
    private final int flange;

    private SampleTabletop(RenderScene scene, int redCube, int flange) {
        this.scene = scene;
        this.redCube = redCube;
        this.flange = flange;
    }

    /** Builds the scene (capacity 32 bodies, so callers can add a few more). Any thread. */
    public static SampleTabletop build() {
        RenderScene s = new RenderScene(32);
        int floor = s.addBody(Shape.PLANE, new float[] {4f, 4f}, new float[] {0.55f, 0.55f, 0.55f, 1f});
        s.setPosition(floor, 0f, 0f, 0f);
        int top = s.addBody(Shape.BOX, new float[] {0.6f, 0.4f, 0.02f}, new float[] {0.62f, 0.45f, 0.28f, 1f});
        s.setPosition(top, 0f, 0f, TABLE_TOP_Z - 0.02f);
        for (int i = 0; i < 4; i++) {
            int leg = s.addBody(Shape.BOX, new float[] {0.025f, 0.025f, 0.365f},
                    new float[] {0.45f, 0.32f, 0.2f, 1f});
            s.setPosition(leg, (i % 2 == 0 ? -0.55f : 0.55f), (i < 2 ? -0.35f : 0.35f), 0.365f);
        }
        float z = TABLE_TOP_Z;
        int cube = s.addBody(Shape.BOX, new float[] {0.04f, 0.04f, 0.04f}, new float[] {0.85f, 0.1f, 0.1f, 1f});
        s.setPosition(cube, 0.05f, 0.05f, z + 0.04f);
        int ball = s.addBody(Shape.SPHERE, new float[] {0.035f}, new float[] {0.1f, 0.75f, 0.2f, 1f});
        s.setPosition(ball, -0.15f, 0.12f, z + 0.035f);
        int can = s.addBody(Shape.CYLINDER, new float[] {0.03f, 0.06f}, new float[] {0.15f, 0.3f, 0.9f, 1f});
        s.setPosition(can, 0.2f, -0.1f, z + 0.06f);
        int pill = s.addBody(Shape.CAPSULE, new float[] {0.02f, 0.05f}, new float[] {0.95f, 0.8f, 0.1f, 1f});
        s.setPose(pill, new float[] {0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 0, -0.05f, -0.15f, z + 0.02f, 1});
        int flange = addArm(s, z);
        return new SampleTabletop(s, cube, flange);
    }

    private static int addArm(RenderScene s, float z) {
        float[] grey = {0.8f, 0.8f, 0.82f, 1f};
        int base = s.addBody(Shape.CYLINDER, new float[] {0.07f, 0.05f}, grey);
        s.setPosition(base, -0.45f, -0.25f, z + 0.05f);
        int upper = s.addBody(Shape.CAPSULE, new float[] {0.04f, 0.18f}, grey);
        s.setPosition(upper, -0.45f, -0.25f, z + 0.28f);
        // forearm: along +x (body z axis rotated onto world x), from the elbow towards the objects
        int fore = s.addBody(Shape.CAPSULE, new float[] {0.035f, 0.17f}, grey);
        s.setPose(fore, new float[] {0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 0, -0.28f, -0.25f, z + 0.46f, 1});
        // flange: points straight down (body z = world -z) above the cube
        int flange = s.addBody(Shape.CYLINDER, new float[] {0.03f, 0.03f}, new float[] {0.25f, 0.25f, 0.28f, 1f});
        s.setPose(flange, new float[] {1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, -0.11f, -0.25f, z + 0.43f, 1});
        return flange;
    }

    public RenderScene scene() {
        return scene;
    }

    /** Id of the red cube on the table. */
    public int redCube() {
        return redCube;
    }

    /** Id of the arm's flange body (its z axis points out of the tool side). */
    public int flange() {
        return flange;
    }

    /** A scene camera in front of the table, looking at its centre. */
    public static CameraView sceneCamera(int width, int height) {
        return new CameraView(width, height, 55f, 0.05f, 20f)
                .lookAt(1.1f, -0.9f, 1.45f, 0f, 0f, TABLE_TOP_Z, 0f, 0f, 1f);
    }

    /**
     * A wrist camera attached to the flange: 6 cm out along the flange's z axis, looking along it (a
     * camera-to-flange mount in the optical convention; identity rotation = looking along flange z).
     */
    public CameraView wristCamera(int width, int height) {
        float[] mount = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0.035f, 1};
        return new CameraView(width, height, 70f, 0.01f, 5f).attachTo(flange, mount);
    }
}
