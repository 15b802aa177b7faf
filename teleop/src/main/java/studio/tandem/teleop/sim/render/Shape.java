package studio.tandem.teleop.sim.render;

/**
 * Primitive body shapes, each centred on its body frame's origin. Dimensions are in metres.
 */
public enum Shape {
    /** dims: half extents x, y, z. */
    BOX(3, "half extents x,y,z"),
    /** dims: radius. */
    SPHERE(1, "radius"),
    /** dims: radius, half height; the axis is the body's z axis. */
    CYLINDER(2, "radius, half height"),
    /** dims: radius, half height of the straight part (caps excluded); the axis is the body's z axis. */
    CAPSULE(2, "radius, half height"),
    /** A thin rectangle in the body's xy plane, facing +z (floor, table top). dims: half extents x, y. */
    PLANE(2, "half extents x,y");

    private final int dimCount;
    private final String dimNames;

    Shape(int dimCount, String dimNames) {
        this.dimCount = dimCount;
        this.dimNames = dimNames;
    }

    /** How many numbers {@link RenderScene#addBody} expects for this shape. */
    public int dimCount() {
        return dimCount;
    }

    /** Human-readable meaning of the dims, for error messages. */
    public String dimNames() {
        return dimNames;
    }
}
