package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.FeatureSet;

class StreamQualityColumnsTest {
    @TempDir
    Path dir;

    @Test
    void streamQualityIsStoredAsEpisodeColumnsAndReadBack() throws Exception {
        FeatureSet f = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, f, "test", null)) {
            EpisodeExtras x = new EpisodeExtras(true, "ada", "", Map.of(), List.of(), Map.of(
                    "observation.state", new StreamQuality(-1.5, 12.25, 3, 0, 1),
                    "action", new StreamQuality(0.5, 2.0, 0, 0, 0)));
            w.appendEpisode(TestDatasets.episode(f, 20, 1, "pick"), Map.of(), x);
            w.appendEpisode(TestDatasets.episode(f, 10, 2, "pick"), Map.of(), TestDatasets.extras(false));
        }
        assertThat(DatasetValidator.validate(root, null)).isEmpty();
        LeRobotDataset d = LeRobotDataset.open(root);
        Map<String, StreamQuality> q = d.episode(0).extras().quality();
        assertThat(q).containsEntry("observation.state", new StreamQuality(-1.5, 12.25, 3, 0, 1))
                .containsEntry("action", new StreamQuality(0.5, 2.0, 0, 0, 0)).hasSize(2);
        assertThat(d.episode(1).extras().quality()).as("not given: null columns").isEmpty();
        assertThat(EpisodesTable.schema(d.info()).indexOf("quality/observation.state/skew_max_ms")).isPositive();
        assertThat(EpisodesTable.schema(d.info()).indexOf("quality/observation.state/dropped")).isPositive();
    }
}
