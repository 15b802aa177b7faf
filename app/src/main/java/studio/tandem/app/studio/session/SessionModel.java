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
 * first needed, its state a one-line message, closed with the window. When the configured station
 * does not start (a file that does not parse, hardware that does not connect), the message says why
 * in one line and the simulated station runs instead, so the studio stays usable while the user fixes
 * the file; {@link #restart()} tries again. FX thread (the start and the close run on the worker).
 */
public final class SessionModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionModel.class);

    private final Background background;
    private final Callable<StationSession> factory;
    private final Callable<StationSession> fallback;
    private final ObjectProperty<StationSession> session = new SimpleObjectProperty<>();
    private final StringProperty state = new SimpleStringProperty("Station not started.");
    private final StringProperty problem = new SimpleStringProperty("");
    private boolean starting;
    private boolean closed;

    /** @param factory builds and starts the session (blocks; called on the worker) */
    public SessionModel(Background background, Callable<StationSession> factory) {
        this(background, factory, null);
    }

    /**
     * @param factory builds and starts the configured station's session (blocks; on the worker)
     * @param fallback the simulated station's session, started when {@code factory} fails; null for none
     */
    public SessionModel(Background background, Callable<StationSession> factory, Callable<StationSession> fallback) {
        this.background = background;
        this.factory = factory;
        this.fallback = fallback;
    }

    /** Starts the session unless it runs or is starting. */
    public void start() {
        if (starting || session.get() != null || closed) {
            return;
        }
        starting = true;
        state.set("Starting the station…");
        background.run(factory, s -> started(s, ""), e -> failed(e, true));
    }

    /**
     * Closes the running session (on the worker) and starts the configured station again, e.g. after
     * the station file changed. Refused while recording (returns false, the state says why).
     */
    public boolean restart() {
        StationSession s = session.get();
        if (starting || closed) {
            return false;
        }
        if (s != null && s.recorder().isRecording()) {
            state.set("Stop recording before restarting the station.");
            return false;
        }
        session.set(null);
        starting = true;
        state.set("Restarting the station…");
        background.run(() -> {
            if (s != null) {
                s.close();
            }
            return factory.call();
        }, r -> started(r, ""), e -> failed(e, true));
        return true;
    }

    private void started(StationSession s, String why) {
        starting = false;
        if (closed) {
            background.worker().execute(s::close);
            return;
        }
        session.set(s);
        problem.set(why);
        String running = s.simulated() ? "Simulated station running" : "Station '" + s.config().name() + "' running";
        String cams = s.cameraProblem().isEmpty() ? "" : " without cameras: " + s.cameraProblem();
        state.set(why.isEmpty() ? running + cams + "." : why + " — running the simulated station instead.");
    }

    private void failed(Exception e, boolean tryFallback) {
        starting = false;
        if (closed) {
            LOG.info("station start abandoned: the window closed ({})", Background.message(e));
            return;
        }
        String why = Background.message(e);
        LOG.error("station did not start: {}", why);
        if (tryFallback && fallback != null) {
            starting = true;
            problem.set(why);
            state.set(why + " — starting the simulated station instead…");
            background.run(fallback, s -> started(s, why), f -> failed(f, false));
            return;
        }
        problem.set(why);
        state.set("The station did not start: " + why);
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

    /** Why the configured station did not start (one line), empty when it runs. */
    public StringProperty problemProperty() {
        return problem;
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
