package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.teleop.sim.render.OffscreenRenderer;
import studio.tandem.teleop.sim.render.RenderUnavailableException;

/** {@code tandem record --station sim}: the simulated station recorded through the record command. */
class SimRecordCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** Null when EGL rendering works here, else why not (the camera parts are then skipped). */
    private static String eglUnavailable() {
        try (OffscreenRenderer r = new OffscreenRenderer(16, 16, 0)) {
            return null;
        } catch (RenderUnavailableException | RuntimeException e) {
            return e.getMessage();
        }
    }

    @Test
    void recordsScriptedSimEpisodesThatValidate() throws Exception {
        String noEgl = eglUnavailable();
        int cameras = noEgl == null ? 2 : 0;
        if (noEgl != null) {
            System.out.println("EGL unavailable, recording the sim without cameras: " + noEgl);
        }
        Path ds = dir.resolve("sim");
        String[] r = run("record", "--headless", "--station", "sim", "--episodes", "2", "--seconds", "2", "--out",
                ds.toString(), "--cameras", Integer.toString(cameras), "--width", "160", "--height", "120",
                "--seed", "7");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("episode 0 saved").contains("episode 1 saved")
                .contains("observation.arm.joint_pos").contains("observation.hand.tactile");

        List<String> problems = DatasetValidator.validate(ds, new FfmpegVideoFiles());
        assertThat(problems).isEmpty();
        LeRobotDataset d = LeRobotDataset.open(ds);
        assertThat(d.episodes()).hasSize(2);
        assertThat(d.info().features().contains("action.arm.joint_pos")).isTrue();
        assertThat(d.info().features().contains("action.hand.joint_pos")).isTrue();
        assertThat(d.tasks()).allSatisfy(t -> assertThat(t).contains("the"));
        assertThat(range(d, "observation.arm.joint_pos", 6)).as("arm joints move").isGreaterThan(0.01);
        assertThat(range(d, "observation.hand.tactile", d.info().features().get("observation.hand.tactile")
                .orElseThrow().shape()[0])).as("fingertips touch the object").isGreaterThan(0.05);
        if (cameras > 0) {
            for (String cam : List.of("observation.images.scene", "observation.images.wrist")) {
                FeatureStats st = d.stats().get(cam);
                assertThat(st).as(cam).isNotNull();
                assertThat(st.std()[0] + st.std()[1] + st.std()[2]).as(cam + " shows a scene").isGreaterThan(0.01);
            }
            assertThat(r[1]).contains("observation.images.wrist");
        }
    }

    /** Largest max-min of any element of {@code feature} over every row of the dataset. */
    private static double range(LeRobotDataset d, String feature, int width) throws Exception {
        double[] lo = new double[width];
        double[] hi = new double[width];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (var e : d.episodes()) {
            EpisodeFrames f = d.readEpisode(e.episodeIndex());
            float[] v = f.floats(feature);
            assertThat(v).as(feature).hasSize(f.length() * width);
            for (int i = 0; i < v.length; i++) {
                assertThat(Float.isFinite(v[i])).as(feature + " row " + i / width + " recorded").isTrue();
                lo[i % width] = Math.min(lo[i % width], v[i]);
                hi[i % width] = Math.max(hi[i % width], v[i]);
            }
        }
        double best = 0;
        for (int j = 0; j < width; j++) {
            best = Math.max(best, hi[j] - lo[j]);
        }
        return best;
    }
}
