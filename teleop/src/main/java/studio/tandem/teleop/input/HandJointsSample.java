package studio.tandem.teleop.input;

/**
 * One hand-tracking sample: the 26 OpenXR hand joints (XR_EXT_hand_tracking order, see
 * {@link HandJoint}) with position (metres), orientation (unit quaternion x, y, z, w) and radius
 * (metres) per joint, in the device's base frame (the OpenXR reference space). Mutable and
 * preallocated like {@link PoseSample}; one owner thread per instance.
 */
public final class HandJointsSample implements LatestValue.Copyable<HandJointsSample> {
    public static final int JOINTS = HandJoint.COUNT;

    private final double[] positions = new double[JOINTS * 3];
    private final double[] orientations = new double[JOINTS * 4];
    private final double[] radii = new double[JOINTS];
    private final boolean[] jointValid = new boolean[JOINTS];
    private long captureNanos;
    private long sequence;
    private boolean tracked;

    public long captureNanos() {
        return captureNanos;
    }

    public long sequence() {
        return sequence;
    }

    /** True when the runtime tracks this hand (XrHandJointLocationsEXT.isActive and the wrist valid). */
    public boolean tracked() {
        return tracked;
    }

    public double x(int joint) {
        return positions[joint * 3];
    }

    public double y(int joint) {
        return positions[joint * 3 + 1];
    }

    public double z(int joint) {
        return positions[joint * 3 + 2];
    }

    /** Orientation component {@code c} (0 = x, 1 = y, 2 = z, 3 = w) of a joint. */
    public double q(int joint, int c) {
        return orientations[joint * 4 + c];
    }

    public double radius(int joint) {
        return radii[joint];
    }

    public boolean jointValid(int joint) {
        return jointValid[joint];
    }

    public HandJointsSample setHeader(long captureNanos, boolean tracked) {
        this.captureNanos = captureNanos;
        this.tracked = tracked;
        return this;
    }

    public HandJointsSample setJoint(int joint, double x, double y, double z,
                                     double qx, double qy, double qz, double qw, double radius, boolean valid) {
        positions[joint * 3] = x;
        positions[joint * 3 + 1] = y;
        positions[joint * 3 + 2] = z;
        orientations[joint * 4] = qx;
        orientations[joint * 4 + 1] = qy;
        orientations[joint * 4 + 2] = qz;
        orientations[joint * 4 + 3] = qw;
        radii[joint] = radius;
        jointValid[joint] = valid;
        return this;
    }

    @Override
    public void assignSequence(long sequence) {
        this.sequence = sequence;
    }

    @Override
    public void copyFrom(HandJointsSample o) {
        System.arraycopy(o.positions, 0, positions, 0, positions.length);
        System.arraycopy(o.orientations, 0, orientations, 0, orientations.length);
        System.arraycopy(o.radii, 0, radii, 0, radii.length);
        System.arraycopy(o.jointValid, 0, jointValid, 0, jointValid.length);
        captureNanos = o.captureNanos;
        sequence = o.sequence;
        tracked = o.tracked;
    }
}
