package studio.tandem.recorder.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.StagedTree;
import studio.tandem.recorder.episode.StagingRecovery;

/**
 * A child JVM records (one episode saved, a second one in progress) and is killed with SIGKILL. The
 * next open recovers the staged episode: the dataset validates, the saved episode is untouched, and
 * the recovered one holds the frames recorded up to about a second before the kill.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    @Test
    void sigkilledRecordingIsRecoveredOnNextOpen() throws Exception {
        Path ds = root.resolve("ds");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), ds.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long recordingSince = 0;
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.equals("RECORDING")) {
                    recordingSince = System.nanoTime();
                    break;
                }
            }
            assertThat(recordingSince).as("child output %s", lines).isPositive();
            TimeUnit.MILLISECONDS.sleep(3000);
            long killedAfter = System.nanoTime() - recordingSince;
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
            int savedRows = Integer.parseInt(lines.get(lines.size() - 2).substring("SAVED ".length()));

            assertThat(Files.list(StagedTree.staging(ds)).count()).isEqualTo(1);
            assertThat(LeRobotDataset.open(ds).info().totalEpisodes()).isEqualTo(1);
            assertThat(DatasetValidator.validate(ds, new FfmpegVideoFiles())).isEmpty();

            Recorder rec = CrashChild.build(ds);
            List<StagingRecovery.Result> results = rec.open();
            rec.close();
            assertThat(results).hasSize(1);
            StagingRecovery.Result res = results.get(0);
            assertThat(res.recovered()).as(res.message()).isTrue();
            assertThat(res.episodeIndex()).isEqualTo(1);
            double recovered = res.rows() / 30.0;
            double killed = killedAfter / 1e9;
            assertThat(recovered).as("recovered %.2f s of %.2f s", recovered, killed)
                    .isGreaterThanOrEqualTo(killed - 1.6).isLessThanOrEqualTo(killed + 0.2);

            assertThat(DatasetValidator.validate(ds, new FfmpegVideoFiles())).isEmpty();
            var d = LeRobotDataset.open(ds);
            assertThat(d.info().totalEpisodes()).isEqualTo(2);
            assertThat(d.info().totalFrames()).isEqualTo(savedRows + res.rows());
            assertThat(Files.list(StagedTree.staging(ds)).count()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
