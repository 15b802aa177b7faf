package studio.tandem.dataset.rlds;

import studio.tandem.dataset.feature.Feature;

/**
 * The per-step columns Tandem records beyond LeRobot's core ones, which the RLDS export carries as
 * extra step features (as robomimic's human-in-the-loop datasets carry {@code action_mode}), and
 * their documentation.
 */
public final class ExtraFields {
    /** Bool per frame: the operator had taken over from the policy. */
    public static final String INTERVENTION = "intervention";
    /** Prefix of the columns saying who had authority over a joint group (e.g. authority.arm). */
    public static final String AUTHORITY_PREFIX = "authority.";
    /** Text per frame: the operator's language correction, empty when none. */
    public static final String LANGUAGE_CORRECTION = "language_correction";

    private ExtraFields() {
    }

    /** True for a column the export carries as an extra step feature. */
    public static boolean isExtra(String column) {
        return column.equals(INTERVENTION) || column.startsWith(AUTHORITY_PREFIX) || column.equals(LANGUAGE_CORRECTION);
    }

    /** The description written to features.json for an extra column. */
    static String describe(Feature f) {
        String name = f.name();
        String own = f.info().get("description") instanceof String s ? " " + s : "";
        if (name.equals(INTERVENTION)) {
            return "Tandem: true while the human operator had taken over from the policy at this step "
                    + "(intervention label, as in HG-DAgger)." + own;
        }
        if (name.startsWith(AUTHORITY_PREFIX)) {
            return "Tandem: who had authority over the '" + name.substring(AUTHORITY_PREFIX.length())
                    + "' joint group at this step (as recorded in the LeRobot column '" + name + "'"
                    + namesSuffix(f) + ")." + own;
        }
        if (name.equals(LANGUAGE_CORRECTION)) {
            return "Tandem: the operator's language correction given at this step, empty when none; "
                    + "from this step on it is also the language_instruction." + own;
        }
        return "Tandem: the LeRobot column '" + name + "'." + own;
    }

    private static String namesSuffix(Feature f) {
        return f.names() == null ? "" : "; elements " + String.join(", ", f.names());
    }
}
