package studio.tandem.autonomy.arbitration;

/**
 * The authority of each joint group per mode, and the two rules on top of it: an intervention gives
 * the operator every group the table gives to the policy (or a blend), and so does a policy that has
 * no fresh action (not loaded, paused, or late). Immutable; {@link #authority} is allocation-free.
 */
public final class ArbitrationTable {
    private final Authority[][] table;
    private final double blendPolicyWeight;

    private ArbitrationTable(Authority[][] table, double blendPolicyWeight) {
        this.table = table;
        this.blendPolicyWeight = blendPolicyWeight;
    }

    /** TELEOP: operator/operator; SHARED: operator arm, policy hand; AUTONOMOUS: policy/policy. */
    public static ArbitrationTable standard() {
        Authority[][] t = new Authority[Mode.values().length][JointGroup.values().length];
        set(t, Mode.TELEOP, Authority.OPERATOR, Authority.OPERATOR);
        set(t, Mode.SHARED, Authority.OPERATOR, Authority.POLICY);
        set(t, Mode.AUTONOMOUS, Authority.POLICY, Authority.POLICY);
        return new ArbitrationTable(t, 0.5);
    }

    /**
     * A copy with one entry replaced; a TELEOP entry must stay OPERATOR.
     *
     * @throws IllegalArgumentException when TELEOP would give the policy authority
     */
    public ArbitrationTable with(Mode mode, JointGroup group, Authority authority) {
        if (mode == Mode.TELEOP && authority != Authority.OPERATOR) {
            throw new IllegalArgumentException("arbitration: TELEOP gives every group to the operator, not "
                    + authority + " for " + group);
        }
        Authority[][] t = new Authority[table.length][];
        for (int i = 0; i < table.length; i++) {
            t[i] = table[i].clone();
        }
        t[mode.ordinal()][group.ordinal()] = authority;
        return new ArbitrationTable(t, blendPolicyWeight);
    }

    /** A copy whose BLEND entries weight the policy by {@code w} and the operator by 1 − w. */
    public ArbitrationTable withBlendWeight(double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("arbitration: blend weight must be in [0, 1], was " + w);
        }
        return new ArbitrationTable(table, w);
    }

    /** The table entry, before the intervention and availability rules. */
    public Authority base(Mode mode, JointGroup group) {
        return table[mode.ordinal()][group.ordinal()];
    }

    /**
     * Who commands {@code group} this tick.
     *
     * @param intervening the operator has taken over
     * @param policyAvailable the policy has a fresh, unpaused action for this tick
     */
    public Authority authority(Mode mode, JointGroup group, boolean intervening, boolean policyAvailable) {
        Authority a = base(mode, group);
        if (a != Authority.OPERATOR && (intervening || !policyAvailable)) {
            return Authority.OPERATOR;
        }
        return a;
    }

    /** Weight of the policy in BLEND (0..1). */
    public double blendPolicyWeight() {
        return blendPolicyWeight;
    }

    /**
     * Writes the arbitrated command of one group: {@code out[from..to)} from the operator, the policy or
     * the blend. Allocation-free.
     */
    public void combine(Authority a, double[] operator, double[] policy, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = switch (a) {
                case OPERATOR -> operator[i];
                case POLICY -> policy[i];
                case BLEND -> blendPolicyWeight * policy[i] + (1 - blendPolicyWeight) * operator[i];
            };
        }
    }

    private static void set(Authority[][] t, Mode m, Authority arm, Authority hand) {
        t[m.ordinal()][JointGroup.ARM.ordinal()] = arm;
        t[m.ordinal()][JointGroup.HAND.ordinal()] = hand;
    }
}
