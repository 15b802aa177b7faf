package studio.tandem.autonomy.arbitration;

/** The command channels that have exactly one owner at a time. */
public enum JointGroup {
    ARM, HAND
}
