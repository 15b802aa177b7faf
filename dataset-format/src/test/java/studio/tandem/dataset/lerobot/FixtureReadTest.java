package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opens the dataset LeRobot itself wrote (skipped where the fixture folder is absent). */
class FixtureReadTest {

    @Test
    void opensLeRobotsOwnDataset() throws Exception {
        Path root = TestDatasets.fixture();
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.info().fps()).isEqualTo(30);
        assertThat(ds.info().robotType()).isEqualTo("so101_follower");
        assertThat(ds.episodes()).hasSize(4);
        assertThat(ds.episodes().stream().mapToLong(EpisodeRecord::length).sum()).isEqualTo(1492);
        assertThat(ds.tasks()).hasSize(1);
        assertThat(ds.episode(0).tasks()).containsExactly(ds.tasks().get(0));
        assertThat(ds.info().features().videos()).hasSize(2);
        assertThat(ds.stats().get("observation.images.front").shape()).containsExactly(3, 1, 1);
        assertThat(ds.episode(1).stats().get("index").integral()).isTrue();

        EpisodeRecord e3 = ds.episode(3);
        EpisodeFrames f = ds.readEpisode(3);
        assertThat(f.length()).isEqualTo((int) e3.length());
        assertThat(f.floats("action")).hasSize((int) e3.length() * 6);
        assertThat(f.longs("index")[0]).isEqualTo(e3.datasetFromIndex());

        LeRobotDataset.VideoSegment seg = ds.video("observation.images.top", 2);
        assertThat(seg.exists()).isFalse();
        assertThat(seg.toTimestamp()).isGreaterThan(seg.fromTimestamp());
        List<Path> missing = ds.missingVideoFiles();
        assertThat(missing).hasSize(2);
        assertThat(missing.get(0).toString()).endsWith("videos/observation.images.front/chunk-000/file-000.mp4");

        List<String> problems = DatasetValidator.validate(root, null);
        assertThat(problems).hasSize(2).allMatch(p -> p.endsWith("video file is missing"));
    }
}
