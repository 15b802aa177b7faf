package studio.tandem.teleop.retarget;

/**
 * Trigger (0..1) → gripper closure (0 open .. 1 closed), with a dead band at both ends and an
 * optional exponent for finer control near open. Pure; any thread.
 */
public record GripperMapping(double deadBand, double exponent) {

    public static final GripperMapping DEFAULT = new GripperMapping(0.05, 1.0);

    public GripperMapping {
        if (!(deadBand >= 0 && deadBand < 0.5) || !(exponent > 0)) {
            throw new IllegalArgumentException("gripper mapping: dead band must be in [0, 0.5) and exponent > 0");
        }
    }

    /** Closure for a trigger value; NaN maps to 0 (open). */
    public double closure(double trigger) {
        if (!(trigger > deadBand)) {
            return 0.0;
        }
        if (trigger >= 1 - deadBand) {
            return 1.0;
        }
        double t = (trigger - deadBand) / (1 - 2 * deadBand);
        return Math.pow(t, exponent);
    }
}
