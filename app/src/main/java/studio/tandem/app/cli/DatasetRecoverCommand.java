package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.lerobot.LeRobotPaths;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.episode.EpisodeAssembler;
import studio.tandem.recorder.episode.StagedTree;
import studio.tandem.recorder.episode.StagingRecovery;
import studio.tandem.recorder.lerobot.LeRobotDatasetSink;
import studio.tandem.recorder.video.SegmentedVideo;

/**
 * {@code tandem dataset recover DIR}: turns episodes a crash left staged into proper episodes, or
 * quarantines them with a reason. Exit 0 when everything was recovered, 1 when something was
 * quarantined.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Recover episodes left staged by a crash (also done automatically when recording).")
final class DatasetRecoverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve(LeRobotPaths.INFO))) {
            throw new UserError(dir + ": not a LeRobot dataset (no " + LeRobotPaths.INFO + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path staging = StagedTree.staging(dir);
        if (!Files.isDirectory(staging)) {
            out.println("nothing to recover");
            return 0;
        }
        LeRobotDatasetSink sink = LeRobotDatasetSink.open(dir);
        EpisodeAssembler assembler = new EpisodeAssembler(new SegmentedVideo(VideoSettings.live(), 1));
        List<StagingRecovery.Result> results =
                new StagingRecovery(staging, StagedTree.quarantine(dir), assembler, sink).recoverAll();
        if (results.isEmpty()) {
            out.println("nothing to recover");
        }
        results.forEach(r -> out.println(r.message()));
        return results.stream().allMatch(StagingRecovery.Result::recovered) ? 0 : 1;
    }
}
