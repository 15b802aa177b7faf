package studio.tandem.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem dataset sample OUT}: a small synthetic LeRobot v3.0 dataset. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write a small sample dataset: 3 episodes, 2 moving synthetic cameras, state and action, 2 tasks.")
final class DatasetSampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "new dataset directory")
    Path out;

    @Option(names = "--episodes", defaultValue = "3", description = "episodes (default ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--frames", defaultValue = "90", description = "frames per episode at 30 fps (default ${DEFAULT-VALUE})")
    int frames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new UserError(out + ": already exists and is not empty");
        }
        if (episodes < 1 || frames < 2) {
            throw new UserError("--episodes must be >= 1 and --frames >= 2");
        }
        SampleDataset.write(out, episodes, frames, 320, 240, spec.commandLine().getErr());
        spec.commandLine().getOut().println("wrote " + out + ": " + episodes + " episodes of " + frames + " frames");
        return 0;
    }
}
