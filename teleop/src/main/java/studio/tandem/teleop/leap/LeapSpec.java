package studio.tandem.teleop.leap;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.HandSpec;

/**
 * The LEAP hand's 16 joints (rad, 0 = the flat hand, i.e. motor position 2048), joint limits from the
 * LEAP hand's published simulation limits, and open (flat) / closed (power grasp) postures. The LEAP hand
 * has no fingertip sensors: its four tactile channels read 0.
 */
public final class LeapSpec {
    private static final String[] FINGERS = {"index", "middle", "ring"};
    private static final double[] FINGER_LO = {-0.314, -1.047, -0.506, -0.366};
    private static final double[] FINGER_HI = {2.23, 1.047, 1.885, 2.042};
    private static final double[] THUMB_LO = {-0.349, -0.47, -1.20, -1.34};
    private static final double[] THUMB_HI = {2.094, 2.443, 1.90, 1.88};
    private static final double[] FINGER_CLOSED = {1.4, 0, 1.3, 1.0};
    private static final double[] THUMB_CLOSED = {1.6, 1.2, 0.6, 0.8};
    /** Max joint speed used by the safety layers (rad/s): XC330 no-load speed is about 10 rad/s. */
    private static final double MAX_SPEED = 8;

    private LeapSpec() {
    }

    public static HandSpec spec() {
        List<String> names = new ArrayList<>();
        double[] lo = new double[16];
        double[] hi = new double[16];
        double[] vel = new double[16];
        double[] closed = new double[16];
        for (int f = 0; f < 4; f++) {
            boolean thumb = f == 3;
            String p = thumb ? "thumb" : FINGERS[f];
            String[] joints = thumb ? new String[] {"cmc", "axial", "mcp", "ip"}
                    : new String[] {"mcp_flex", "mcp_abd", "pip", "dip"};
            for (int j = 0; j < 4; j++) {
                int i = 4 * f + j;
                names.add(p + "_" + joints[j]);
                lo[i] = thumb ? THUMB_LO[j] : FINGER_LO[j];
                hi[i] = thumb ? THUMB_HI[j] : FINGER_HI[j];
                vel[i] = MAX_SPEED;
                closed[i] = thumb ? THUMB_CLOSED[j] : FINGER_CLOSED[j];
            }
        }
        return new HandSpec(HandSpec.Kind.MULTI_FINGER, names, new JointLimits(lo, hi, vel),
                List.of("index_tip", "middle_tip", "ring_tip", "thumb_tip"), new double[16], closed);
    }
}
