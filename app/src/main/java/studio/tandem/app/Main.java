package studio.tandem.app;

import picocli.CommandLine;
import studio.tandem.app.cli.StudioLauncher;
import studio.tandem.app.cli.TandemCommand;

/** Entry point of the {@code tandem} launcher: the studio with no arguments, else a subcommand. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String... args) {
        if (args.length == 0) {
            // the studio itself: skip building the whole command tree (it loads every command's classes)
            return StudioLauncher.launch();
        }
        return TandemCommand.commandLine().execute(args);
    }
}
