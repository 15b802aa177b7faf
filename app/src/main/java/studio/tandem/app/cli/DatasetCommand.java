package studio.tandem.app.cli;

import picocli.CommandLine.Command;

/** {@code tandem dataset ...}: create, inspect, validate, recover and export datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Create, inspect, validate and export LeRobot v3.0 datasets.",
        subcommands = {
            DatasetSampleCommand.class,
            DatasetInfoCommand.class,
            DatasetValidateCommand.class,
            DatasetRecoverCommand.class,
            ExportRldsCommand.class,
        })
public final class DatasetCommand {
}
