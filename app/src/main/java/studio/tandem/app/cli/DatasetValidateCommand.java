package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;

/**
 * {@code tandem dataset validate DIR}: one line per problem on stderr and exit 1 (the count on
 * stdout), or an "ok" summary on stdout.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a LeRobot v3.0 dataset the way LeRobot's loader relies on it.")
final class DatasetValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> problems = DatasetValidator.validate(dir, new FfmpegVideoFiles());
        PrintWriter out = spec.commandLine().getOut();
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(err::println);
            err.flush();
            out.println(problems.size() + " problem(s)");
            return 1;
        }
        LeRobotDataset ds = LeRobotDataset.open(dir);
        out.printf("ok: %d episodes, %d frames, %d tasks, %d cameras%n", ds.info().totalEpisodes(),
                ds.info().totalFrames(), ds.info().totalTasks(), ds.info().features().videos().size());
        return 0;
    }
}
