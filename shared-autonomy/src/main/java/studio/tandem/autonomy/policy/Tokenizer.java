package studio.tandem.autonomy.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an instruction into token ids from a declared vocabulary: lower-case words (letters and
 * digits), id 0 is padding, id 1 unknown words; at most {@code maxTokens} ids, padded with 0.
 * Runs when the instruction changes, not per tick.
 */
public final class Tokenizer {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> vocabulary;
    private final int maxTokens;

    public Tokenizer(List<String> vocabulary, int maxTokens) {
        if (vocabulary.size() < 2 || !PAD.equals(vocabulary.get(0)) || !UNK.equals(vocabulary.get(1))) {
            throw new IllegalArgumentException("language vocabulary must start with \"" + PAD + "\", \"" + UNK + "\"");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("language max_tokens must be >= 1, was " + maxTokens);
        }
        for (int i = 0; i < vocabulary.size(); i++) {
            if (ids.putIfAbsent(vocabulary.get(i), i) != null) {
                throw new IllegalArgumentException("language vocabulary lists '" + vocabulary.get(i) + "' twice");
            }
        }
        this.vocabulary = List.copyOf(vocabulary);
        this.maxTokens = maxTokens;
    }

    /** Fills {@code out[0..maxTokens)}; returns how many words were unknown. */
    public int encode(String text, long[] out) {
        java.util.Arrays.fill(out, 0, maxTokens, 0L);
        int n = 0;
        int unknown = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || n >= maxTokens) {
                continue;
            }
            Integer id = ids.get(word);
            if (id == null) {
                unknown++;
            }
            out[n++] = id == null ? 1 : id;
        }
        return unknown;
    }

    /**
     * A vocabulary for {@code texts}: {@code <pad>}, {@code <unk>}, then every word (as {@link #encode}
     * splits them) in order of first appearance.
     */
    public static List<String> vocabularyOf(java.util.Collection<String> texts) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(List.of(PAD, UNK));
        for (String t : texts) {
            for (String word : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    /** Most words in any of {@code texts}. */
    public static int longest(java.util.Collection<String> texts) {
        int max = 0;
        for (String t : texts) {
            int n = 0;
            for (String word : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                n += word.isEmpty() ? 0 : 1;
            }
            max = Math.max(max, n);
        }
        return max;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    public List<String> vocabulary() {
        return vocabulary;
    }
}
