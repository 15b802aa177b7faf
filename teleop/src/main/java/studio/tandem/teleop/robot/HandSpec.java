package studio.tandem.teleop.robot;

import java.util.List;
import studio.tandem.teleop.kinematics.JointLimits;

/**
 * What a hand or gripper is: its joints (rad; m for a parallel gripper's opening), limits, fingertips
 * (one tactile channel each) and the open / closed joint postures that define scalar closure
 * (0 = open, 1 = closed).
 *
 * @param kind multi-finger hand or parallel gripper
 * @param jointNames one per actuated joint
 * @param limits joint limits
 * @param fingertipNames one per tactile sensor
 * @param open posture at closure 0
 * @param closed posture at closure 1
 */
public record HandSpec(Kind kind, List<String> jointNames, JointLimits limits, List<String> fingertipNames,
                       double[] open, double[] closed) {

    /** Hand kinds. */
    public enum Kind { MULTI_FINGER, PARALLEL_GRIPPER }

    public HandSpec {
        jointNames = List.copyOf(jointNames);
        fingertipNames = List.copyOf(fingertipNames);
        int n = jointNames.size();
        if (limits.size() != n || open.length != n || closed.length != n) {
            throw new IllegalArgumentException("hand spec: limits/open/closed must have " + n + " entries");
        }
        open = open.clone();
        closed = closed.clone();
    }

    /**
     * A parallel gripper: one joint {@code gap} (m, 0 = closed .. {@code openGap} = open) moving at most
     * {@code maxSpeed} m/s, and two fingertip pads.
     */
    public static HandSpec parallelGripper(double openGap, double maxSpeed) {
        return new HandSpec(Kind.PARALLEL_GRIPPER, List.of("gap"),
                new JointLimits(new double[] {0}, new double[] {openGap}, new double[] {maxSpeed}),
                List.of("left_pad", "right_pad"), new double[] {openGap}, new double[] {0});
    }

    public int dof() {
        return jointNames.size();
    }

    public int fingertips() {
        return fingertipNames.size();
    }

    /** Writes the posture for {@code closure} (clamped to [0, 1]) into {@code out}. Allocation-free. */
    public void closurePosture(double closure, double[] out) {
        double c = Double.isNaN(closure) ? 0 : Math.max(0, Math.min(1, closure));
        for (int i = 0; i < open.length; i++) {
            out[i] = open[i] + c * (closed[i] - open[i]);
        }
    }
}
