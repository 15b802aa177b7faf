package studio.tandem.autonomy.loop;

/** The operator's devices after retargeting; control thread, allocation-free, never blocks. */
@FunctionalInterface
public interface OperatorPort {

    /**
     * Fills the operator's latest command.
     *
     * @return false when no operator device has a fresh value (the loop keeps the previous target)
     */
    boolean read(OperatorSample into);

    /** An operator that never moves. */
    OperatorPort NONE = s -> false;
}
