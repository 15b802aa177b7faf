package studio.tandem.recorder.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The fixed facts of a staged episode, written once (atomically) when it starts: timing, streams and
 * the operator's info at start. Later changes (task, notes, label) are records in the vector log.
 *
 * @param version  manifest format version (1)
 * @param t0Nanos  instant of row 0 (process clock, ns)
 * @param fps      dataset rate (Hz)
 * @param task     task at start
 * @param operator operator
 * @param notes    notes at start
 * @param vectors  vector streams, in log stream-index order
 * @param cameras  camera streams
 */
public record StageManifest(int version, long t0Nanos, double fps, String task, String operator, String notes,
        List<VectorDecl> vectors, List<CameraDecl> cameras) {

    public static final String FILE = "episode.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A vector stream: name, length, sampling rule name, staleness limit (ns). */
    public record VectorDecl(String name, int length, String rule, long maxStalenessNanos) {
    }

    /** A camera stream: feature name, size, staleness limit (ns). */
    public record CameraDecl(String name, int width, int height, long maxStalenessNanos) {
    }

    public long periodNanos() {
        return Math.round(1e9 / fps);
    }

    /** Writes the manifest into {@code dir} via a temporary file and an atomic move. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads the manifest of a staged episode directory. */
    public static StageManifest read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(dir + ": no " + FILE + " (the episode was never fully started)");
        }
        try {
            return JSON.readValue(f.toFile(), StageManifest.class);
        } catch (IOException e) {
            throw new IOException(f + ": unreadable manifest: " + e.getMessage(), e);
        }
    }
}
