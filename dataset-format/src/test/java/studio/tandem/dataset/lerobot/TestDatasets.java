package studio.tandem.dataset.lerobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;

/** Shared helpers: a table-only feature set, filled episodes, and the fixture location. */
final class TestDatasets {
    static final List<String> JOINTS = List.of("j0.pos", "j1.pos", "j2.pos", "j3.pos", "j4.pos", "gripper.pos");

    private TestDatasets() {
    }

    static FeatureSet tableFeatures() {
        return FeatureSet.of(VectorFeature.float32("observation.state", JOINTS),
                VectorFeature.float32("action", JOINTS),
                VectorFeature.scalar("intervention", DType.BOOL),
                VectorFeature.scalar("reward", DType.FLOAT64),
                new TextFeature("language.correction"));
    }

    /** An episode of {@code n} frames whose values encode (episode, frame, element). */
    static EpisodeBuffer episode(FeatureSet features, int n, int seed, String... tasks) {
        EpisodeBuffer b = new EpisodeBuffer(features, n);
        float[] state = b.floats("observation.state");
        float[] action = b.floats("action");
        for (int i = 0; i < n * 6; i++) {
            state[i] = seed * 1000 + i * 0.5f;
            action[i] = -state[i];
        }
        boolean[] iv = b.bools("intervention");
        double[] reward = b.doubles("reward");
        String[] corr = b.strings("language.correction");
        for (int i = 0; i < n; i++) {
            iv[i] = i % 3 == 0;
            reward[i] = i / (double) n;
            corr[i] = i == n / 2 ? "move left" : null;
        }
        int[] ids = new int[tasks.length];
        for (int t = 0; t < tasks.length; t++) {
            ids[t] = b.taskId(tasks[t]);
        }
        for (int i = 0; i < n; i++) {
            b.setTask(i, ids[i * tasks.length / n]);
        }
        b.setLength(n);
        return b;
    }

    static EpisodeExtras extras(boolean success) {
        return new EpisodeExtras(success, "ada", "note", Map.of(),
                List.of(new EpisodeEvent(0.5, "intervention_start", ""), new EpisodeEvent(1.0, "correction", "left")));
    }

    /** The LeRobot fixture, or a skipped test where it is absent. */
    static Path fixture() {
        String prop = System.getProperty("tandem.fixtures");
        Path dir = prop != null ? Path.of(prop) : Path.of("../shared/fixtures");
        Path f = dir.resolve("lerobot-v3-so101");
        if (!Files.isDirectory(f)) {
            f = Path.of("../../shared/fixtures/lerobot-v3-so101");
        }
        Assumptions.assumeTrue(Files.isDirectory(f), "fixture folder absent: " + f);
        return f;
    }
}
