package studio.tandem.app.studio.review.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import studio.tandem.app.studio.common.Background;

/**
 * The curation of a dataset (relabels, task edits, trims, deletions) with undo and redo, kept
 * beside the dataset in {@code meta/tandem_curation.json} (LeRobot ignores the file). Nothing in
 * the dataset's own files changes, so every step, deletion included, can be taken back. Mutated
 * from one thread (the FX thread); {@link #toJson()} snapshots for a background save.
 */
public final class CurationJournal {
    /** The journal's file, relative to the dataset root. */
    public static final String FILE = "meta/tandem_curation.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, EpisodeCuration> byEpisode = new TreeMap<>();
    private final Deque<CurationChange> undo = new ArrayDeque<>();
    private final Deque<CurationChange> redo = new ArrayDeque<>();

    /** The curation of an episode ({@link EpisodeCuration#NONE} if untouched). */
    public EpisodeCuration get(long episode) {
        return byEpisode.getOrDefault(episode, EpisodeCuration.NONE);
    }

    /** Episodes with any curation, by index. */
    public Map<Long, EpisodeCuration> all() {
        return Map.copyOf(byEpisode);
    }

    /** Applies a new curation for {@code episode} as one undoable step. */
    public CurationChange apply(long episode, EpisodeCuration after, String description) {
        CurationChange c = new CurationChange(episode, get(episode), after, description);
        put(episode, after);
        undo.push(c);
        redo.clear();
        return c;
    }

    /** Takes back the last step, if any. */
    public Optional<CurationChange> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        CurationChange c = undo.pop();
        put(c.episode(), c.before());
        redo.push(c);
        return Optional.of(c);
    }

    /** Re-applies the last undone step, if any. */
    public Optional<CurationChange> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        CurationChange c = redo.pop();
        put(c.episode(), c.after());
        undo.push(c);
        return Optional.of(c);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    private void put(long episode, EpisodeCuration c) {
        if (c.isNone()) {
            byEpisode.remove(episode);
        } else {
            byEpisode.put(episode, c);
        }
    }

    /** The journal as JSON (a snapshot, safe to write from another thread). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "tandem-curation/1");
        ArrayNode eps = root.putArray("episodes");
        for (Map.Entry<Long, EpisodeCuration> e : byEpisode.entrySet()) {
            EpisodeCuration c = e.getValue();
            ObjectNode o = eps.addObject();
            o.put("episode_index", e.getKey());
            if (c.success() != null) {
                o.put("success", c.success());
            }
            if (c.task() != null) {
                o.put("task", c.task());
            }
            o.put("trim_from", c.trimFrom());
            o.put("trim_to", c.trimTo());
            o.put("deleted", c.deleted());
        }
        return root.toPrettyString();
    }

    /** Loads the journal of the dataset at {@code root}; an empty one when it has none. */
    public static CurationJournal load(Path root) throws IOException {
        CurationJournal j = new CurationJournal();
        Path file = root.resolve(FILE);
        if (!Files.exists(file)) {
            return j;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + Background.message(e) + ")", e);
        }
        for (JsonNode o : tree.path("episodes")) {
            if (!o.path("episode_index").canConvertToLong()) {
                throw new IOException(file + ": an entry has no episode_index");
            }
            try {
                JsonNode s = o.get("success");
                j.put(o.get("episode_index").asLong(), new EpisodeCuration(
                        s == null || s.isNull() ? null : s.asBoolean(),
                        o.hasNonNull("task") ? o.get("task").asText() : null,
                        o.path("trim_from").asInt(0), o.path("trim_to").asInt(-1), o.path("deleted").asBoolean(false)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": episode " + o.get("episode_index").asLong() + ": " + e.getMessage(), e);
            }
        }
        return j;
    }

    /** Writes a {@link #toJson()} snapshot into the dataset at {@code root}: temp file, then atomic move. */
    public static void write(Path root, String json) throws IOException {
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
