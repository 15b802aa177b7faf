package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.FeatureSet;

class LeRobotRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsEpisodesWithTasksStatsAndExtras() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, "so101_follower", null)) {
            w.appendEpisode(TestDatasets.episode(fs, 40, 1, "pick"), Map.of(), TestDatasets.extras(true));
            w.appendEpisode(TestDatasets.episode(fs, 25, 2, "pick", "place"), Map.of(), EpisodeExtras.NONE);
        }
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.info().totalEpisodes()).isEqualTo(2);
        assertThat(ds.info().totalFrames()).isEqualTo(65);
        assertThat(ds.tasks()).containsExactly("pick", "place");
        assertThat(ds.info().splits()).containsEntry("train", "0:2");

        EpisodeRecord e1 = ds.episode(1);
        assertThat(e1.datasetFromIndex()).isEqualTo(40);
        assertThat(e1.datasetToIndex()).isEqualTo(65);
        assertThat(e1.tasks()).containsExactly("pick", "place");
        assertThat(ds.episode(0).extras().success()).isTrue();
        assertThat(ds.episode(0).extras().events()).hasSize(2);
        assertThat(e1.extras().success()).isNull();

        EpisodeFrames f = ds.readEpisode(1);
        assertThat(f.length()).isEqualTo(25);
        float[] state = f.floats("observation.state");
        assertThat(state).hasSize(25 * 6);
        assertThat(state[7]).isEqualTo(2000 + 7 * 0.5f);
        assertThat(f.longs("index")[0]).isEqualTo(40);
        assertThat(f.longs("frame_index")[24]).isEqualTo(24);
        assertThat(f.timestamps()[3]).isEqualTo((float) (3 / 30.0));
        assertThat(f.longs("task_index")[0]).isEqualTo(0);
        assertThat(f.longs("task_index")[24]).isEqualTo(1);
        assertThat(f.bools("intervention")[3]).isTrue();
        assertThat(f.strings("language.correction")[12]).isEqualTo("move left");
        assertThat(f.strings("language.correction")[0]).isNull();

        FeatureStats s = ds.stats().get("observation.state");
        assertThat(s.count()).isEqualTo(65);
        assertThat(s.min()[0]).isEqualTo(1000.0);
        assertThat(s.max()[5]).isEqualTo(2000 + (25 * 6 - 1) * 0.5, within(1e-3));
        FeatureStats idx = ds.stats().get("index");
        assertThat(idx.integral()).isTrue();
        assertThat(idx.mean()[0]).isEqualTo(32.0, within(1e-9));
        assertThat(ds.stats().keySet()).doesNotContain("language.correction");
    }

    @Test
    void appendsAcrossTwoSessionsIntoNewFiles() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, null, null)) {
            w.appendEpisode(TestDatasets.episode(fs, 10, 1, "a"), Map.of(), EpisodeExtras.NONE);
            w.appendEpisode(TestDatasets.episode(fs, 10, 2, "a"), Map.of(), EpisodeExtras.NONE);
        }
        try (LeRobotWriter w = LeRobotWriter.open(root, null)) {
            w.appendEpisode(TestDatasets.episode(fs, 7, 3, "b"), Map.of(), EpisodeExtras.NONE);
        }
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.episodes()).extracting(EpisodeRecord::dataFileIndex).containsExactly(0L, 0L, 1L);
        assertThat(ds.episodes()).extracting(EpisodeRecord::metaFileIndex).containsExactly(0L, 0L, 1L);
        assertThat(ds.episode(2).datasetFromIndex()).isEqualTo(20);
        assertThat(ds.readEpisode(2).floats("action")[0]).isEqualTo(-3000f);
        assertThat(ds.readEpisode(1).floats("action")[0]).isEqualTo(-2000f);
        assertThat(ds.tasks()).containsExactly("a", "b");
        assertThat(ds.stats().get("frame_index").count()).isEqualTo(27);
        assertThat(DatasetValidator.validate(root, null)).isEmpty();
    }

    @Test
    void episodesFileKeepsFewRowGroupsAsEpisodesAccumulate() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        int n = 2 * LeRobotWriter.EPISODE_GROUPS_MERGED + 6;
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, null, null)) {
            for (int i = 0; i < n; i++) {
                w.appendEpisode(TestDatasets.episode(fs, 3, i, i % 2 == 0 ? "a" : "b"), Map.of(),
                        TestDatasets.extras(i % 3 == 0));
            }
        }
        Path file = root.resolve(LeRobotPaths.episodesFile(0, 0));
        assertThat(studio.tandem.dataset.parquet.ParquetTableReader.open(file).rowGroupRows())
                .as("two merged groups of 32, then one row group per episode").containsExactly(32, 32, 1, 1, 1, 1, 1, 1);
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.episodes()).hasSize(n);
        for (int i = 0; i < n; i++) {
            EpisodeRecord e = ds.episodes().get(i);
            assertThat(e.episodeIndex()).isEqualTo(i);
            assertThat(e.datasetFromIndex()).isEqualTo(3L * i);
            assertThat(e.tasks()).containsExactly(i % 2 == 0 ? "a" : "b");
            assertThat(e.extras().success()).isEqualTo(i % 3 == 0);
        }
        assertThat(ds.readEpisode(n - 1).floats("action")[0]).isEqualTo(-1000f * (n - 1));
        assertThat(ds.readEpisode(40).floats("action")[0]).as("a row of a merged group").isEqualTo(-40000f);
        assertThat(DatasetValidator.validate(root, null)).isEmpty();
    }

    @Test
    void rollsDataFilesOverBySize() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, null, null)) {
            w.setFileSizes(0, 200);
            for (int i = 0; i < 3; i++) {
                w.appendEpisode(TestDatasets.episode(fs, 5, i, "a"), Map.of(), EpisodeExtras.NONE);
            }
        }
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.episodes()).extracting(EpisodeRecord::dataFileIndex).containsExactly(0L, 1L, 2L);
        assertThat(ds.readEpisode(2).longs("index")).startsWith(10L);
        assertThat(List.of(ds.info().dataFilesSizeInMb())).containsExactly(0);
    }
}
