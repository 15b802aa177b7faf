package studio.tandem.teleop.openxr;

import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;

/**
 * Turns one frame of raw OpenXR input into the common samples: a {@link PoseSample} per controller
 * (grip or aim pose, trigger, squeeze, buttons) and a {@link HandJointsSample} per tracked hand.
 * Button bits: squeeze beyond a threshold (with hysteresis) is the clutch; A, B and menu map to
 * {@link PoseSample#BUTTON_A}, {@code BUTTON_B} and {@code BUTTON_MENU}; menu also raises
 * {@code BUTTON_ESTOP} unless disabled. A pose counts as tracked only when its position and
 * orientation are valid and tracked and its action is active. Pure; allocation-free.
 */
public final class XrInputMapper {
    private final boolean useAim;
    private final double clutchOn;
    private final double clutchOff;
    private final boolean menuIsEstop;
    private final boolean[] clutch = new boolean[2];

    /**
     * @param useAim use the aim pose instead of the grip pose
     * @param clutchOn squeeze value that engages the clutch; it releases below {@code clutchOn - 0.2}
     * @param menuIsEstop whether the menu button is the e-stop
     */
    public XrInputMapper(boolean useAim, double clutchOn, boolean menuIsEstop) {
        this.useAim = useAim;
        this.clutchOn = clutchOn;
        this.clutchOff = clutchOn - 0.2;
        this.menuIsEstop = menuIsEstop;
    }

    public XrInputMapper() {
        this(false, 0.6, true);
    }

    /** Fills {@code out} for hand {@code h} (0 left, 1 right), stamped {@code captureNanos}. */
    public void controller(XrFrameInput in, int h, long captureNanos, PoseSample out) {
        double[] p = useAim ? in.aimPose[h] : in.gripPose[h];
        long flags = useAim ? in.aimFlags[h] : in.gripFlags[h];
        boolean tracked = in.poseActive[h] && (flags & XrFrameInput.ALL_VALID_TRACKED) == XrFrameInput.ALL_VALID_TRACKED;
        out.set(captureNanos, p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        double sq = in.squeeze[h];
        clutch[h] = clutch[h] ? sq > clutchOff : sq >= clutchOn;
        long buttons = 0;
        if (clutch[h]) {
            buttons |= 1L << PoseSample.BUTTON_CLUTCH;
        }
        if (in.buttonA[h]) {
            buttons |= 1L << PoseSample.BUTTON_A;
        }
        if (in.buttonB[h]) {
            buttons |= 1L << PoseSample.BUTTON_B;
        }
        if (in.menu[h]) {
            buttons |= 1L << PoseSample.BUTTON_MENU;
            if (menuIsEstop) {
                buttons |= 1L << PoseSample.BUTTON_ESTOP;
            }
        }
        out.setInputs(buttons, clamp01(in.trigger[h]), clamp01(sq), tracked);
    }

    /**
     * Fills {@code out} for hand {@code h} from the joint locations.
     *
     * @return false when the runtime offers no hand tracking this frame (nothing written)
     */
    public boolean hand(XrFrameInput in, int h, long captureNanos, HandJointsSample out) {
        if (!in.handTrackingAvailable) {
            return false;
        }
        long[] flags = in.jointFlags[h];
        double[] jp = in.jointPose[h];
        boolean wristOk = (flags[HandJoint.WRIST.ordinal()] & (XrFrameInput.POSITION_VALID | XrFrameInput.ORIENTATION_VALID))
                == (XrFrameInput.POSITION_VALID | XrFrameInput.ORIENTATION_VALID);
        out.setHeader(captureNanos, in.handActive[h] && wristOk);
        for (int j = 0; j < HandJoint.COUNT; j++) {
            int k = j * 7;
            boolean valid = (flags[j] & XrFrameInput.POSITION_VALID) != 0;
            out.setJoint(j, jp[k], jp[k + 1], jp[k + 2], jp[k + 3], jp[k + 4], jp[k + 5], jp[k + 6],
                    in.jointRadius[h][j], valid);
        }
        return true;
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
