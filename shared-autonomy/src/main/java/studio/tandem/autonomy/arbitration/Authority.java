package studio.tandem.autonomy.arbitration;

/** Who commands a joint group during one tick. */
public enum Authority {
    OPERATOR, POLICY, BLEND;

    /** Stored in datasets as an int8-like code: 0 operator, 1 policy, 2 blend. */
    public int code() {
        return ordinal();
    }
}
