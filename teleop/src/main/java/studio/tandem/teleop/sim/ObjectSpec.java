package studio.tandem.teleop.sim;

/**
 * A graspable object on the table.
 *
 * @param name stable name, e.g. {@code red_cube}
 * @param shape primitive shape
 * @param dims dimensions (m), see {@link Shape}
 * @param massKg mass (kg), &gt; 0
 * @param rgba colour for rendering, components in [0, 1]
 */
public record ObjectSpec(String name, Shape shape, double[] dims, double massKg, float[] rgba) {

    public ObjectSpec {
        if (dims.length != 3) {
            throw new IllegalArgumentException("object '" + name + "': dims must have 3 entries");
        }
        if (!(massKg > 0)) {
            throw new IllegalArgumentException("object '" + name + "': mass must be > 0 kg, was " + massKg);
        }
        if (rgba.length != 4) {
            throw new IllegalArgumentException("object '" + name + "': rgba must have 4 entries");
        }
        dims = dims.clone();
        rgba = rgba.clone();
    }

    /** Height of the object's centre above the surface it rests on (m). */
    public double restingHalfHeight() {
        return switch (shape) {
            case BOX -> dims[2] / 2;
            case CYLINDER -> dims[1] / 2;
            case SPHERE -> dims[0];
            case CAPSULE -> dims[1] / 2 + dims[0];
        };
    }

    /** Radius of the object's footprint on the table (m), for non-overlapping placement. */
    public double footprintRadius() {
        return switch (shape) {
            case BOX -> Math.hypot(dims[0], dims[1]) / 2;
            case CYLINDER, SPHERE, CAPSULE -> dims[0];
        };
    }

    /** The default set: different shapes, sizes and masses, all within the hand's span. */
    public static java.util.List<ObjectSpec> defaults() {
        return java.util.List.of(
                new ObjectSpec("red_cube", Shape.BOX, new double[] {0.05, 0.05, 0.05}, 0.15,
                        new float[] {0.85f, 0.15f, 0.15f, 1}),
                new ObjectSpec("green_cylinder", Shape.CYLINDER, new double[] {0.025, 0.09, 0}, 0.2,
                        new float[] {0.2f, 0.75f, 0.25f, 1}),
                new ObjectSpec("blue_ball", Shape.SPHERE, new double[] {0.03, 0, 0}, 0.08,
                        new float[] {0.2f, 0.35f, 0.9f, 1}),
                new ObjectSpec("yellow_block", Shape.BOX, new double[] {0.08, 0.04, 0.03}, 0.12,
                        new float[] {0.95f, 0.85f, 0.2f, 1}),
                new ObjectSpec("heavy_brick", Shape.BOX, new double[] {0.06, 0.05, 0.05}, 2.5,
                        new float[] {0.45f, 0.3f, 0.2f, 1}));
    }
}
