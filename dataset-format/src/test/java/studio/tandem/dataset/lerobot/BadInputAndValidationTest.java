package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.FeatureSet;

/** Broken copies of a valid dataset: each fails with one line naming the file, or a validation problem. */
class BadInputAndValidationTest {
    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void write() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, null, null)) {
            w.appendEpisode(TestDatasets.episode(fs, 10, 1, "a"), Map.of(), EpisodeExtras.NONE);
            w.appendEpisode(TestDatasets.episode(fs, 12, 2, "b"), Map.of(), EpisodeExtras.NONE);
        }
        assertThat(DatasetValidator.validate(root, null)).isEmpty();
    }

    private void edit(String rel, String from, String to) throws IOException {
        Path f = root.resolve(rel);
        String s = Files.readString(f);
        assertThat(s).contains(from);
        Files.writeString(f, s.replace(from, to));
    }

    private void truncate(String rel) throws IOException {
        Path f = root.resolve(rel);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws Exception {
        edit("meta/info.json", "\"fps\": 30,", "\"fps\": 30,,");
        assertThatThrownBy(() -> LeRobotDataset.open(root)).isInstanceOf(IOException.class)
                .hasMessageContaining("info.json").hasMessageContaining("malformed JSON at line");
    }

    @Test
    void truncatedDataFileNamesTheFile() throws Exception {
        truncate("data/chunk-000/file-000.parquet");
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThatThrownBy(() -> ds.readEpisode(0)).isInstanceOf(IOException.class)
                .hasMessageContaining("data/chunk-000/file-000.parquet: not a readable Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void truncatedEpisodesFileNamesTheFile() throws Exception {
        truncate("meta/episodes/chunk-000/file-000.parquet");
        assertThatThrownBy(() -> LeRobotDataset.open(root)).isInstanceOf(IOException.class)
                .hasMessageContaining("meta/episodes/chunk-000/file-000.parquet: not a readable Parquet file");
    }

    @Test
    void totalsThatDisagreeAreReported() throws Exception {
        edit("meta/info.json", "\"total_frames\": 22", "\"total_frames\": 23");
        List<String> p = DatasetValidator.validate(root, null);
        assertThat(p).singleElement().asString().contains("info.json: total_frames is 23")
                .contains("sum to 22");
    }

    @Test
    void dataColumnThatIsNoFeatureIsReported() throws Exception {
        edit("meta/info.json", "\"reward\"", "\"reward_renamed\"");
        List<String> p = DatasetValidator.validate(root, null);
        assertThat(p).anyMatch(s -> s.contains("column 'reward' is not a feature in info.json"));
        assertThat(p).anyMatch(s -> s.contains("feature 'reward_renamed' has no column"));
        assertThat(p).anyMatch(s -> s.contains("stats for 'reward', which is not a feature"));
    }

    @Test
    void featureShapeThatDisagreesWithTheColumnIsReported() throws Exception {
        String info = Files.readString(root.resolve("meta/info.json"));
        int at = info.indexOf("\"reward\"");
        String patched = info.substring(0, at) + info.substring(at).replaceFirst("\"dtype\": \"float64\"",
                "\"dtype\": \"float64\"").replaceFirst("\"shape\": \\[\\s*1\\s*\\]", "\"shape\": [2]")
                .replaceFirst("\"names\": null", "\"names\": null");
        Files.writeString(root.resolve("meta/info.json"), patched);
        assertThat(DatasetValidator.validate(root, null))
                .anyMatch(s -> s.contains("column 'reward' is a scalar but the feature has shape [2]"));
    }

    @Test
    void missingTaskIsReported() throws Exception {
        TasksTable.write(root.resolve("meta/tasks.parquet"), List.of("a"));
        List<String> p = DatasetValidator.validate(root, null);
        assertThat(p).anyMatch(s -> s.contains("refers to task 'b' missing from tasks.parquet"));
        assertThat(p).anyMatch(s -> s.contains("total_tasks is 2 but tasks.parquet holds 1"));
    }

    @Test
    void brokenEpisodeRangeIsReported() throws Exception {
        DatasetMeta m = DatasetMeta.load(root);
        EpisodeRecord e = m.episodes().get(1);
        EpisodeRecord shifted = new EpisodeRecord(e.episodeIndex(), e.tasks(), e.length(), e.dataChunkIndex(),
                e.dataFileIndex(), e.datasetFromIndex() + 1, e.datasetToIndex() + 1, e.videos(), e.stats(),
                e.metaChunkIndex(), e.metaFileIndex(), e.extras());
        var schema = EpisodesTable.schema(m.info());
        List<EpisodeRecord> rows = List.of(m.episodes().get(0), shifted);
        studio.tandem.dataset.parquet.ParquetTables.write(root.resolve("meta/episodes/chunk-000/file-000.parquet"),
                schema, EpisodesTable.footer(schema), 2, EpisodesTable.rows(m.info(), schema, rows));
        List<String> p = DatasetValidator.validate(root, null);
        assertThat(p).anyMatch(s -> s.contains("episode 1 spans index 11..23"));
        assertThat(p).anyMatch(s -> s.contains("breaks index continuity or lies outside its episode's range"));
    }

    @Test
    void badEpisodeInputIsRejectedBeforeAnythingIsWritten() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        try (LeRobotWriter w = LeRobotWriter.open(root, null)) {
            EpisodeBuffer noTask = new EpisodeBuffer(fs, 5);
            noTask.setLength(5);
            assertThatThrownBy(() -> w.appendEpisode(noTask, Map.of(), EpisodeExtras.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("episode has no task");
            EpisodeBuffer empty = new EpisodeBuffer(fs, 5);
            assertThatThrownBy(() -> w.appendEpisode(empty, Map.of(), EpisodeExtras.NONE))
                    .hasMessage("episode has no frames");
        }
        assertThat(LeRobotDataset.open(root).episodes()).hasSize(2);
        assertThat(DatasetValidator.validate(root, null)).isEmpty();
    }
}
