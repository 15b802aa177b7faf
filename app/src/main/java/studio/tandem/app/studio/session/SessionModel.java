package studio.tandem.app.studio.session;

import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.studio.common.Background;

/**
 * The window's one station session, shared by Collect and Correct: started in the background when
 * first needed, its state a one-line message, closed with the window. FX thread (the start and the
 * close run on the worker).
 */
public final class SessionModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionModel.class);

    private final Background background;
    private final Callable<StationSession> factory;
    private final ObjectProperty<StationSession> session = new SimpleObjectProperty<>();
    private final StringProperty state = new SimpleStringProperty("Station not started.");
    private boolean starting;
    private boolean closed;

    /** @param factory builds and starts the session (blocks; called on the worker) */
    public SessionModel(Background background, Callable<StationSession> factory) {
        this.background = background;
        this.factory = factory;
    }

    /** Starts the session unless it runs or is starting. */
    public void start() {
        if (starting || session.get() != null || closed) {
            return;
        }
        starting = true;
        state.set("Starting the simulated station…");
        background.run(factory, s -> {
            starting = false;
            if (closed) {
                background.worker().execute(s::close);
                return;
            }
            session.set(s);
            state.set(s.cameraProblem().isEmpty() ? "Simulated station running."
                    : "Simulated station running without cameras: " + s.cameraProblem());
        }, e -> {
            starting = false;
            if (closed) {
                LOG.info("station start abandoned: the window closed ({})", Background.message(e));
                return;
            }
            LOG.error("station did not start", e);
            state.set("The station did not start: " + Background.message(e));
        });
    }

    /** The running session, null until started. */
    public ReadOnlyObjectProperty<StationSession> sessionProperty() {
        return session;
    }

    public StationSession session() {
        return session.get();
    }

    /** One line: starting, running, or why not. */
    public StringProperty stateProperty() {
        return state;
    }

    /** Closes the session (on the worker; waits at most a few seconds for saves in progress). */
    @Override
    public void close() {
        closed = true;
        StationSession s = session.get();
        session.set(null);
        if (s != null) {
            s.close();
        }
    }
}
