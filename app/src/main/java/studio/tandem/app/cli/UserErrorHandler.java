package studio.tandem.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a user's mistake (bad file, bad field, missing input) into one line on stderr and exit code
 * 2. Only real defects print a stack trace (exit 3).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof UserError || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException) {
            cmd.getErr().println("tandem " + cmd.getCommandName() + ": " + message(ex));
            return 2;
        }
        cmd.getErr().println("tandem " + cmd.getCommandName() + ": internal error (please report): " + ex);
        ex.printStackTrace(cmd.getErr());
        return 3;
    }

    private static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
