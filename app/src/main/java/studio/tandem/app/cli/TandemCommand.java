package studio.tandem.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code tandem} command. Without a subcommand it opens the studio. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem Studio 0.1.0",
        description = "Teleoperation, shared autonomy and LeRobot v3.0 data collection.%n"
                + "Without a command, opens the studio on the station file (--station, else "
                + "~/.tandem/station.yaml) or the simulated station.",
        subcommands = {
            RecordCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            ScreenshotsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class TandemCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--station", paramLabel = "FILE",
            description = "station file (YAML, see docs/stations.md) the studio runs; "
                    + "default ~/.tandem/station.yaml, else the simulated station")
    java.nio.file.Path station;

    @Override
    public Integer call() {
        return StudioLauncher.launch(station);
    }

    /** A command line with the studio's error handling: user mistakes are one line, exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TandemCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }
}
