package studio.tandem.app.studio.correct;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.PlotSeries;
import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.autonomy.policy.PolicyRuntime;

/**
 * Correct's state and actions: load a policy (manifest summary, load errors in one line), run or
 * pause it, who has authority over the hand, take over, the intervention state, language
 * corrections with their history, and the failure score over the last seconds with its threshold.
 * Pulls the latest tick at screen rate; loading runs on the worker. FX thread only.
 */
public final class CorrectViewModel implements FrameTicker.Refreshable {
    private static final int SCORE_POINTS = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SessionModel sessions;
    private final javafx.beans.value.ObservableStringValue task;
    private final Background background;
    private final StringProperty policyPath = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("No policy loaded.");
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty takeover = new SimpleBooleanProperty();
    private final BooleanProperty intervention = new SimpleBooleanProperty();
    private final StringProperty armAuthority = new SimpleStringProperty("—");
    private final StringProperty handAuthority = new SimpleStringProperty("—");
    private final StringProperty instruction = new SimpleStringProperty("");
    private final StringProperty correction = new SimpleStringProperty("");
    private final StringProperty loopInfo = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObjectProperty<PlotSeries> score = new SimpleObjectProperty<>(PlotSeries.EMPTY);
    private final BooleanProperty failurePaused = new SimpleBooleanProperty();
    private final StringProperty indicator = new SimpleStringProperty("POLICY IN CONTROL");
    private final AuthorityControl authority = new AuthorityControl();
    private final double[] ring = new double[SCORE_POINTS];
    private int ringCount;
    private int ringHead;
    private long seenTick = -1;
    private long lastPlot = -1;

    /** @param task the episode's task (Collect's task field): the instruction the policy starts from */
    public CorrectViewModel(SessionModel sessions, Background background, Path defaultPolicy,
            javafx.beans.value.ObservableStringValue task) {
        this.sessions = sessions;
        this.task = task;
        this.background = background;
        policyPath.set(defaultPolicy == null ? "" : defaultPolicy.toString());
        authority.revisionProperty().addListener((o, a, b) -> applyAuthority());
        sessions.sessionProperty().addListener((o, before, now) -> stationReplaced(before, now));
        authority.pauseOnFailureProperty().addListener((o, a, on) -> {
            StationSession s = sessions.session();
            if (s != null) {
                s.loop().failureMonitor().pausesOnFailure(on);
                s.annotate(on ? "failure pause on" : "failure pause off");
            }
        });
    }

    /**
     * The station was restarted (or stopped): the new session runs no policy, so the workspace says so
     * rather than show the old one as loaded. It is not re-loaded by itself: a policy starts moving a
     * freshly connected robot only when the operator asks. FX thread.
     */
    private void stationReplaced(StationSession before, StationSession now) {
        if (before == null || !loaded.get()) {
            return;
        }
        loaded.set(false);
        running.set(false);
        failurePaused.set(false);
        summary.clear();
        authority.policyLoaded(null);
        status.set("The station " + (now == null ? "is restarting" : "restarted")
                + ": the policy was unloaded; load it again to run it.");
    }

    /** Starts the station if it is not running (Correct became visible). */
    public void activate() {
        sessions.start();
    }

    /** Loads the policy at {@link #policyPathProperty()} and runs it as the hand policy. */
    public void load() {
        StationSession s = sessions.session();
        String p = policyPath.get() == null ? "" : policyPath.get().trim();
        if (s == null) {
            error.set("The station is not running yet.");
            return;
        }
        if (p.isEmpty()) {
            error.set("Choose a policy manifest (.json) first.");
            return;
        }
        Path file = Path.of(p);
        String instructionNow = task.get() == null || task.get().isBlank() ? "pick up the red cube" : task.get().trim();
        loading.set(true);
        error.set("");
        status.set("Loading " + file.getFileName() + "…");
        background.run(() -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such policy manifest");
            }
            PolicyRuntime rt = PolicyRuntime.load(file, OrtEnvironment.getEnvironment(), null);
            try {
                s.usePolicy(rt, instructionNow);
            } catch (RuntimeException e) {
                rt.close();
                throw e;
            }
            return PolicySummary.lines(rt.manifest());
        }, this::onLoaded, e -> {
            loading.set(false);
            error.set(Background.message(e));
            status.set("The policy did not load.");
        });
    }

    private void onLoaded(List<String> lines) {
        loading.set(false);
        loaded.set(true);
        running.set(true);
        summary.setAll(lines);
        StationSession s = sessions.session();
        if (s != null) {
            authority.policyLoaded(s.policy() == null ? null : s.policy().controller()); // applies it
        }
        status.set("Policy running: " + authority.describe(true) + ".");
    }

    /** Sends the authority selection to the running loop (live at its next tick), when a policy runs. */
    private void applyAuthority() {
        StationSession s = sessions.session();
        if (s != null && loaded.get() && running.get()) {
            authority.apply(s, true);
            status.set("Authority: " + authority.describe(true) + ".");
        }
    }

    /**
     * Runs the policy with the authority selection (and resumes it when the failure monitor paused it)
     * or pauses it (the operator has both groups).
     */
    public void setRunning(boolean run) {
        StationSession s = sessions.session();
        if (s == null || !loaded.get()) {
            return;
        }
        running.set(run);
        authority.apply(s, run);
        if (run) {
            s.loop().resumePolicy();
        }
        status.set(run ? "Policy running: " + authority.describe(true) + "." : "Policy paused: the operator drives "
                + "arm and hand.");
    }

    /** Takes over every group the policy drives (held until released). */
    public void setTakeover(boolean held) {
        StationSession s = sessions.session();
        if (s != null) {
            s.operator().takeover(held);
            takeover.set(held);
        }
    }

    /** Sends the typed correction: live at the next tick, recorded with the episode. */
    public void sendCorrection() {
        StationSession s = sessions.session();
        String text = correction.get() == null ? "" : correction.get().trim();
        if (s == null || text.isEmpty()) {
            return;
        }
        s.loop().instruction().correct(text);
        history.add(0, LocalTime.now().format(CLOCK) + "  " + text);
        correction.set("");
    }

    @Override
    public void refresh(long nowNanos) {
        StationSession s = sessions.session();
        if (s == null) {
            return;
        }
        Tick t = s.loop().ticks().latest();
        if (t == null || t.sequence() == seenTick) {
            return;
        }
        seenTick = t.sequence();
        if (loaded.get() && authority.stale(s.loop())) {
            authority.apply(s, running.get());
        }
        watchFailure(s, t);
        intervention.set(t.intervention());
        armAuthority.set(name(t.armAuthority()));
        handAuthority.set(name(t.handAuthority()));
        instruction.set(t.instruction());
        if (s.policy() != null) {
            ring[ringHead] = t.failureScore();
            ringHead = (ringHead + 1) % SCORE_POINTS;
            ringCount = Math.min(SCORE_POINTS, ringCount + 1);
        }
        if (lastPlot < 0 || nowNanos - lastPlot >= 100_000_000L) {
            lastPlot = nowNanos;
            plot(s);
        }
    }

    /** The failure monitor paused the policy: say so in the big indicator; Run resumes it. */
    private void watchFailure(StationSession s, Tick t) {
        boolean paused = s.policy() != null && s.loop().failureMonitor().paused();
        if (paused && !failurePaused.get()) {
            running.set(false);
            status.set(String.format(Locale.ROOT, "The failure score crossed %.2f: policy paused, the operator has "
                    + "the robot. Run (%s) resumes it.", s.loop().failureMonitor().threshold(), CorrectView.RUN_KEY));
        }
        failurePaused.set(paused);
        indicator.set(paused ? "POLICY PAUSED · FAILURE · RUN RESUMES" : t.intervention() ? "OPERATOR INTERVENING"
                : "POLICY IN CONTROL");
    }

    private void plot(StationSession s) {
        double[] v = new double[ringCount];
        for (int i = 0; i < ringCount; i++) {
            v[i] = ring[(ringHead - ringCount + i + SCORE_POINTS) % SCORE_POINTS];
        }
        score.set(new PlotSeries("failure score", List.of("score"), new double[][] {v}, List.of(),
                s.policy() == null ? Double.NaN : s.loop().failureMonitor().threshold()));
        var p = s.policy();
        loopInfo.set(p == null ? "" : String.format(Locale.ROOT, "%d inferences · %.1f ms last · %d failed · "
                + "%d interventions", p.worker().inferences(), p.worker().lastLatencyNanos() / 1e6,
                p.worker().failures(), s.loop().interventions()));
    }

    private static String name(Authority a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    public StringProperty policyPathProperty() {
        return policyPath;
    }

    /** The last load error, one line naming the file and what is wrong; empty when none. */
    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> summary() {
        return summary;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty takeoverProperty() {
        return takeover;
    }

    public BooleanProperty interventionProperty() {
        return intervention;
    }

    public StringProperty armAuthorityProperty() {
        return armAuthority;
    }

    public StringProperty handAuthorityProperty() {
        return handAuthority;
    }

    /** The instruction in force (the task, or the latest correction). */
    public StringProperty instructionProperty() {
        return instruction;
    }

    public StringProperty correctionProperty() {
        return correction;
    }

    /** Newest first: "HH:mm:ss  text". */
    public ObservableList<String> history() {
        return history;
    }

    public ObjectProperty<PlotSeries> scoreProperty() {
        return score;
    }

    public StringProperty loopInfoProperty() {
        return loopInfo;
    }

    public SessionModel sessions() {
        return sessions;
    }

    /** Authority per joint group, the mode presets and the failure-pause switch. */
    public AuthorityControl authority() {
        return authority;
    }

    /** True while the failure monitor holds the policy paused (Run resumes it). */
    public BooleanProperty failurePausedProperty() {
        return failurePaused;
    }

    /** The large indicator's text: policy in control, operator intervening, or policy paused by failure. */
    public StringProperty indicatorProperty() {
        return indicator;
    }
}
