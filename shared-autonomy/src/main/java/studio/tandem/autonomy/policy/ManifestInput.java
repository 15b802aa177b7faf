package studio.tandem.autonomy.policy;

import java.util.List;

/** One model input declared by a {@link PolicyManifest}. */
public sealed interface ManifestInput {

    /** Name of the ONNX input tensor. */
    String tensor();

    /** The model's shape for this input, batch 1 (e.g. [1, 3, 16, 16]). */
    long[] shape();

    /**
     * A camera: the frame of {@code feature} is cropped ({@code [x, y, w, h]} in source pixels, or
     * null), resized to {@code width}×{@code height}, scaled to [0, 1] and normalised per channel.
     */
    record Camera(String tensor, String feature, int width, int height, int[] crop, double[] mean, double[] std)
            implements ManifestInput {
        @Override
        public long[] shape() {
            return new long[] {1, 3, height, width};
        }
    }

    /** A float vector feature (state, tactile), normalised with the manifest's stats for {@code feature}. */
    record Vector(String tensor, String feature, int length) implements ManifestInput {
        @Override
        public long[] shape() {
            return new long[] {1, length};
        }
    }

    /** The instruction as int64 token ids ({@code [1, max_tokens]}) from {@code vocabulary}. */
    record Tokens(String tensor, List<String> vocabulary, int maxTokens) implements ManifestInput {
        @Override
        public long[] shape() {
            return new long[] {1, maxTokens};
        }
    }

    /** The instruction as a float text embedding ({@code [1, dim]}) from an injected embedder. */
    record Embedding(String tensor, int dim) implements ManifestInput {
        @Override
        public long[] shape() {
            return new long[] {1, dim};
        }
    }
}
