package studio.tandem.app.record;

import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;

/**
 * Where the value of a declared vector feature of a station comes from, resolved once from the
 * feature's name (the names {@link RobotFeatures} gives the arm and hand). Filling is
 * allocation-free.
 */
enum StateSource {
    ARM_JOINTS, ARM_TCP, HAND_JOINTS, HAND_TACTILE, ARM_ACTION, HAND_ACTION;

    /**
     * The source of {@code feature} for an arm {@code armId} and hand {@code handId}.
     *
     * @throws IllegalArgumentException naming the feature when the station declares one this recorder
     *                                  cannot fill
     */
    static StateSource of(String feature, String armId, String handId) {
        if (feature.equals(RobotFeatures.jointPositions(armId))) {
            return ARM_JOINTS;
        }
        if (feature.equals(RobotFeatures.tcpPose(armId))) {
            return ARM_TCP;
        }
        if (feature.equals(RobotFeatures.jointAction(armId))) {
            return ARM_ACTION;
        }
        if (handId != null && feature.equals(RobotFeatures.jointPositions(handId))) {
            return HAND_JOINTS;
        }
        if (handId != null && feature.equals(RobotFeatures.tactile(handId))) {
            return HAND_TACTILE;
        }
        if (handId != null && feature.equals(RobotFeatures.jointAction(handId))) {
            return HAND_ACTION;
        }
        throw new IllegalArgumentException("station feature '" + feature + "': no state or command of the arm '"
                + armId + "' or hand '" + handId + "' provides it");
    }

    /** True for the commanded (applied) action, false for a measured observation. */
    boolean isAction() {
        return this == ARM_ACTION || this == HAND_ACTION;
    }

    /**
     * Copies the value into {@code out} and returns its capture time (station clock, ns): the state's
     * stamp for an observation, {@code nowNanos} for an action (the applied command is in force now).
     */
    long fill(double[] out, ArmState arm, HandState hand, ArmCommand armApplied, HandCommand handApplied,
            long nowNanos) {
        switch (this) {
            case ARM_JOINTS -> {
                System.arraycopy(arm.positions(), 0, out, 0, arm.dof());
                return arm.stampNanos();
            }
            case ARM_TCP -> {
                arm.tcpPosQuat(out, 0);
                return arm.stampNanos();
            }
            case HAND_JOINTS -> {
                System.arraycopy(hand.positions(), 0, out, 0, hand.positions().length);
                return hand.stampNanos();
            }
            case HAND_TACTILE -> {
                System.arraycopy(hand.tactile(), 0, out, 0, hand.tactile().length);
                return hand.stampNanos();
            }
            case ARM_ACTION -> {
                System.arraycopy(armApplied.positions(), 0, out, 0, armApplied.positions().length);
                return nowNanos;
            }
            case HAND_ACTION -> {
                System.arraycopy(handApplied.positions(), 0, out, 0, handApplied.positions().length);
                return nowNanos;
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
