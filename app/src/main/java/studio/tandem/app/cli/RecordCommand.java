package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.episode.EpisodeSummary;

/**
 * {@code tandem record --headless --station synthetic --episodes N --seconds S --out DIR}: records
 * episodes into a LeRobot v3.0 dataset (created, or resumed if it exists), with progress and a
 * per-episode summary.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record episodes from a station into a LeRobot v3.0 dataset (headless).")
final class RecordCommand implements Callable<Integer> {
    @Option(names = "--headless", description = "record without the studio window (required for now)")
    boolean headless;

    @Option(names = "--station", defaultValue = "synthetic", description = "synthetic (sim: coming)")
    String station;

    @Option(names = "--episodes", defaultValue = "1")
    int episodes;

    @Option(names = "--seconds", defaultValue = "10", description = "length of each episode")
    double seconds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "dataset directory")
    Path out;

    @Option(names = "--task", defaultValue = "move the synthetic arm")
    String task;

    @Option(names = "--operator", defaultValue = "")
    String operator;

    @Option(names = "--fps", defaultValue = "30", description = "dataset rate (Hz)")
    int fps;

    @Option(names = "--cameras", defaultValue = "2")
    int cameras;

    @Option(names = "--width", defaultValue = "640")
    int width;

    @Option(names = "--height", defaultValue = "480")
    int height;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!headless) {
            throw new UserError("only headless recording is available from the command line: add --headless "
                    + "(the studio's Collect screen records interactively)");
        }
        if (episodes < 1 || seconds <= 0 || fps < 1 || fps > 1000) {
            throw new UserError("--episodes must be >= 1, --seconds > 0 and --fps in 1..1000");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        try (RecordingSession s = new RecordingSession(out, fps, station(), VideoSettings.live(), o, e)) {
            s.open();
            for (int i = 1; i <= episodes; i++) {
                EpisodeSummary sum = s.episode(i, episodes, seconds, task, operator);
                o.println(RecordingSession.summary(sum));
                o.flush();
                if (s.stoppedByGuard()) {
                    o.println("stopped after episode " + sum.episodeIndex() + ": the disk is almost full");
                    return 1;
                }
            }
        }
        return 0;
    }

    private RecordStation station() {
        return switch (station) {
            case "synthetic" -> new SyntheticRecordStation(cameras, width, height, fps, 200, NanoClock.SYSTEM);
            case "sim" -> throw new UserError("--station sim: the simulated station is not available yet");
            default -> throw new UserError("--station: unknown station '" + station + "' (synthetic, sim)");
        };
    }
}
