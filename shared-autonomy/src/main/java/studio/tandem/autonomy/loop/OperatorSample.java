package studio.tandem.autonomy.loop;

/**
 * The operator's latest retargeted command, filled by {@link OperatorPort#read} on the control
 * thread: joint targets (radians, arm then hand), how fast the operator is moving each group
 * (rad/s of the retargeted targets) and the buttons.
 */
public final class OperatorSample {
    private final double[] target;
    /** Speed of the operator's arm input (rad/s). */
    public double armMotion;
    /** Speed of the operator's hand input (rad/s). */
    public double handMotion;
    /** The takeover button is held. */
    public boolean takeoverHeld;
    /** The e-stop button was pressed. */
    public boolean estopPressed;

    public OperatorSample(LoopLayout layout) {
        target = new double[layout.joints()];
    }

    public double[] target() {
        return target;
    }
}
