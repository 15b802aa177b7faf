package studio.tandem.autonomy.arbitration;

/** Who drives by default: the operator alone, operator arm + policy hand, or the policy alone. */
public enum Mode {
    /** Operator arm and hand. */
    TELEOP,
    /** Operator arm, policy hand: the default when a hand policy is loaded. */
    SHARED,
    /** Policy arm and hand; the operator may intervene. */
    AUTONOMOUS;

    /** The default mode: SHARED when a hand policy is loaded, TELEOP otherwise. */
    public static Mode defaultFor(boolean handPolicyLoaded) {
        return handPolicyLoaded ? SHARED : TELEOP;
    }
}
