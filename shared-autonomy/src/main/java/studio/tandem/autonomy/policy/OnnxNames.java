package studio.tandem.autonomy.policy;

/** Tensor names of the project's own hand policy models. */
public final class OnnxNames {
    public static final String IMAGE = "image";
    public static final String STATE = "state";
    public static final String TACTILE = "tactile";
    public static final String TOKENS = "tokens";
    public static final String ACTION = "action";

    private OnnxNames() {
    }
}
