package studio.tandem.app.cli;

import picocli.CommandLine.Command;

/** {@code tandem bench ...}: benchmarks; each prints one JSON object as its last line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints one JSON object as its last line.",
        subcommands = {
            BenchDatasetCommand.class,
            BenchRecordCommand.class,
            BenchTeleopCommand.class,
            BenchControlCommand.class,
            BenchPolicyCommand.class,
            BenchStartupCommand.class,
            BenchSessionCommand.class,
        })
public final class BenchCommand {
}
