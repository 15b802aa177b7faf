package studio.tandem.autonomy.policy;

/** Turns an instruction into a fixed-size embedding, for models whose manifest declares {@code text_embedding}. */
@FunctionalInterface
public interface TextEmbedder {

    /** Writes {@code out.length} floats; called by the policy thread when the instruction changes. */
    void embed(String text, float[] out);
}
