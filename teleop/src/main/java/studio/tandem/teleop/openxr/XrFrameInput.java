package studio.tandem.teleop.openxr;

import studio.tandem.teleop.input.HandJoint;

/**
 * Raw OpenXR input of one frame for both hands, as the runtime reports it: space-location flags and
 * poses (reference space, metres, quaternion x y z w), action values, and hand-joint locations. The
 * LWJGL session fills it; {@link XrInputMapper} turns it into samples. Recorded streams of it drive
 * the tests without a runtime. Mutable, preallocated; one owner thread.
 */
public final class XrFrameInput {
    /** {@code XR_SPACE_LOCATION_*} bits. */
    public static final long ORIENTATION_VALID = 0x1;
    public static final long POSITION_VALID = 0x2;
    public static final long ORIENTATION_TRACKED = 0x4;
    public static final long POSITION_TRACKED = 0x8;
    public static final long ALL_VALID_TRACKED = 0xf;

    /** Per-hand raw values; index 0 = left, 1 = right. */
    public final long[] gripFlags = new long[2];
    public final double[][] gripPose = new double[2][7];
    public final long[] aimFlags = new long[2];
    public final double[][] aimPose = new double[2][7];
    /** Whether the pose action of the hand is active (a controller is bound and on). */
    public final boolean[] poseActive = new boolean[2];
    public final double[] trigger = new double[2];
    public final double[] squeeze = new double[2];
    public final boolean[] buttonA = new boolean[2];
    public final boolean[] buttonB = new boolean[2];
    public final boolean[] menu = new boolean[2];

    /** Hand tracking: whether the tracker reported this hand active, and per joint flags and data. */
    public final boolean[] handActive = new boolean[2];
    public final long[][] jointFlags = new long[2][HandJoint.COUNT];
    /** x y z qx qy qz qw per joint. */
    public final double[][] jointPose = new double[2][HandJoint.COUNT * 7];
    public final double[][] jointRadius = new double[2][HandJoint.COUNT];
    /** Whether hand-joint data was located this frame (the runtime offers hand tracking). */
    public boolean handTrackingAvailable;

    /** The runtime's predicted display time of this frame (XrTime, ns; runtime epoch). */
    public long displayTime;

    /** Resets every value to "nothing reported". */
    public void clear() {
        for (int h = 0; h < 2; h++) {
            gripFlags[h] = 0;
            aimFlags[h] = 0;
            poseActive[h] = false;
            trigger[h] = 0;
            squeeze[h] = 0;
            buttonA[h] = false;
            buttonB[h] = false;
            menu[h] = false;
            handActive[h] = false;
            java.util.Arrays.fill(jointFlags[h], 0);
        }
        handTrackingAvailable = false;
    }
}
