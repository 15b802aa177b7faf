package studio.tandem.autonomy.train;

import java.util.Locale;

/** Which policy {@code train} makes: the hand policy (the default) or an arm+hand policy. */
public enum PolicyKind {
    /** Hand joints only; the operator drives the arm (shared autonomy). */
    HAND,
    /** Arm and hand joints: drives both groups in autonomous mode, the hand in shared mode. */
    ARM_HAND;

    /** The command-line spelling: {@code hand} or {@code arm-hand}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted spellings */
    public static PolicyKind parse(String text) {
        for (PolicyKind k : values()) {
            if (k.cliName().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be hand or arm-hand, was '" + text + "'");
    }

    /** The file name the shipped policy of this kind has under {@code models/}, without extension. */
    public String shippedName() {
        return this == HAND ? "hand_policy" : "grasp_policy";
    }
}
