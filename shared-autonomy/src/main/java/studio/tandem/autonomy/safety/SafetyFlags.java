package studio.tandem.autonomy.safety;

/** Bits returned by {@link SafetyFilter#filter}: what the filter did to this command. */
public final class SafetyFlags {
    public static final int POSITION_CLAMPED = 1;
    public static final int VELOCITY_LIMITED = 1 << 1;
    public static final int ACCELERATION_LIMITED = 1 << 2;
    /** The arm target left the workspace: the arm holds. */
    public static final int WORKSPACE_HOLD = 1 << 3;
    /** NaN or Inf in the command or the measured state: everything holds. */
    public static final int NON_FINITE_HOLD = 1 << 4;
    /** The e-stop is latched: everything holds until {@link SafetyFilter#resetEStop()}. */
    public static final int ESTOP_HOLD = 1 << 5;

    /** Bits that mean the operator must be told. */
    public static final int ALERTS = WORKSPACE_HOLD | NON_FINITE_HOLD | ESTOP_HOLD;

    private SafetyFlags() {
    }

    public static boolean holding(int flags) {
        return (flags & (NON_FINITE_HOLD | ESTOP_HOLD)) != 0;
    }

    /** Short names of the set bits, e.g. "velocity_limited|workspace_hold" (allocates; not for the hot path). */
    public static String describe(int flags) {
        String[] names = {"position_clamped", "velocity_limited", "acceleration_limited", "workspace_hold",
            "non_finite_hold", "estop_hold"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return sb.length() == 0 ? "ok" : sb.toString();
    }
}
