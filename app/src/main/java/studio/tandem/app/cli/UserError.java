package studio.tandem.app.cli;

/** A mistake of the user's (bad argument, bad file): reported as one line, exit code 2. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
