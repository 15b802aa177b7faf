package studio.tandem.app.studio.collect;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.SerialExecutor;
import studio.tandem.app.studio.session.EpisodeHold;
import studio.tandem.app.studio.session.EpisodeHold.Decision;
import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;
import studio.tandem.recorder.episode.Outcome;

/**
 * The recording bar's state machine over the session's {@code Recorder} and {@link EpisodeHold}:
 * start → stop (the episode ends, its timer freezes and it is held, not yet written) → the operator
 * decides: save as a success or a failure, save unlabelled, discard, or re-record (discard and start
 * again). Save, success, failure, discard and re-record also work straight from recording (stop and
 * decide in one key). Recorder calls run one after another on the studio's worker, never on the FX
 * thread; the counters move once the dataset has the episode. FX thread only.
 */
public final class EpisodeControl {
    private final SessionModel sessions;
    private final Background background;
    private final Executor recorderThread;
    private final StringProperty task;
    private final StringProperty status;
    private final ObjectProperty<RecordingPhase> phase = new SimpleObjectProperty<>(RecordingPhase.IDLE);
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty awaiting = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty saved = new SimpleIntegerProperty();
    private final IntegerProperty discarded = new SimpleIntegerProperty();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.UNLABELED);
    private final StringProperty timer = new SimpleStringProperty(clock(0));
    private final StringProperty lastEpisode = new SimpleStringProperty("");
    private EpisodeHold.Ticket held;
    private long since = -1;
    private long droppedAtStart;
    private long decidedAt = -1;

    EpisodeControl(SessionModel sessions, Background background, StringProperty task, StringProperty status) {
        this.sessions = sessions;
        this.background = background;
        this.recorderThread = new SerialExecutor(background.worker());
        this.task = task;
        this.status = status;
    }

    /** Starts recording an episode with the task text (idle only). */
    public void start() {
        StationSession s = sessions.session();
        String t = task.get() == null ? "" : task.get().trim();
        if (s == null || phase.get() != RecordingPhase.IDLE || busy.get()) {
            return;
        }
        if (t.isEmpty()) {
            status.set("Type the task before recording (it is stored with every frame).");
            return;
        }
        outcome.set(Outcome.UNLABELED);
        run(() -> s.recorder().start(new EpisodeInfo(t, System.getProperty("user.name"), "")), () -> {
            phase(RecordingPhase.RECORDING);
            since = System.nanoTime();
            droppedAtStart = s.framesDropped() + s.ticksDropped();
            status.set("Recording: " + t);
        });
    }

    /** Ends the episode and holds it for the operator's decision (recording only). */
    public void stop() {
        StationSession s = live();
        if (s == null) {
            return;
        }
        held = s.hold().expect();
        phase(RecordingPhase.AWAITING_DECISION);
        timer.set(clock(System.nanoTime() - since));
        since = -1;
        status.set("Stopped, awaiting decision: F9 success · F10 failure · F6 save unlabelled · F7 discard · "
                + "F8 re-record.");
        stopRecorder(s);
    }

    /**
     * Saves the episode: decides a held one, or stops the one being recorded and saves it at once.
     * {@link Decision#DISCARD} goes to {@link #discard()}.
     */
    public void save(Decision d) {
        if (d == Decision.DISCARD) {
            discard();
            return;
        }
        if (phase.get() == RecordingPhase.AWAITING_DECISION && !busy.get()) {
            decide(d);
            return;
        }
        StationSession s = live();
        if (s == null) {
            return;
        }
        EpisodeHold.Ticket t = s.hold().expect();
        t.decide(d);
        decided(d);
        phase(RecordingPhase.IDLE);
        since = -1;
        status.set("Saving the episode " + describe(d) + "…");
        stopRecorder(s);
    }

    /** Throws the episode away: the one being recorded (nothing of it is kept) or the one held. */
    public void discard() {
        if (phase.get() == RecordingPhase.AWAITING_DECISION && !busy.get()) {
            decide(Decision.DISCARD);
            return;
        }
        StationSession s = live();
        if (s == null) {
            return;
        }
        run(() -> s.recorder().discard(), () -> {
            phase(RecordingPhase.IDLE);
            since = -1;
            discarded.set(discarded.get() + 1);
            status.set("Episode discarded.");
        });
    }

    /** Discards the episode (recording or held) and starts again with the same task. */
    public void rerecord() {
        if (phase.get() == RecordingPhase.AWAITING_DECISION && !busy.get()) {
            decide(Decision.DISCARD);
            start();
            return;
        }
        StationSession s = live();
        if (s == null) {
            return;
        }
        run(() -> s.recorder().rerecord(), () -> {
            since = System.nanoTime();
            discarded.set(discarded.get() + 1);
            outcome.set(Outcome.UNLABELED);
            status.set("Re-recording: " + task.get());
        });
    }

    /**
     * Labels the episode: while recording the label is kept and recording goes on (saved with it);
     * a held episode is saved with it at once.
     */
    public void label(Outcome o) {
        if (phase.get() == RecordingPhase.AWAITING_DECISION) {
            save(o == Outcome.SUCCESS ? Decision.SUCCESS : o == Outcome.FAILURE ? Decision.FAILURE
                    : Decision.KEEP_LABEL);
            return;
        }
        StationSession s = live();
        if (s != null) {
            outcome.set(o);
            recorderThread.execute(() -> s.recorder().label(o));
        }
    }

    /**
     * Saves a held episode unlabelled because the operator leaves (closing, opening Review); nothing
     * is lost and the label can be set in Review. No-op unless an episode awaits a decision.
     */
    public void saveHeld(String why) {
        if (phase.get() == RecordingPhase.AWAITING_DECISION) {
            decide(Decision.KEEP_LABEL);
            status.set("The stopped episode was saved unlabelled (" + why + "); relabel it in Review.");
        }
    }

    /**
     * Screen rate: the timer runs while recording and stays frozen while a decision is awaited; an
     * episode the recorder stopped on its own is noticed here.
     */
    void refresh(StationSession s, long nowNanos) {
        if (phase.get() != RecordingPhase.RECORDING || busy.get()) {
            return;
        }
        if (!s.recorder().isRecording()) {
            recorderStopped(s);
        } else if (since >= 0) {
            timer.set(clock(nowNanos - since));
        }
    }

    /** Frames and ticks dropped since the episode started (since the session started when idle). */
    long dropped(StationSession s) {
        return s.framesDropped() + s.ticksDropped() - (phase.get() == RecordingPhase.RECORDING ? droppedAtStart : 0);
    }

    private void decide(Decision d) {
        held.decide(d);
        held = null;
        decided(d);
        phase(RecordingPhase.IDLE);
        status.set(d == Decision.DISCARD ? "Discarding the stopped episode…" : "Saving the episode " + describe(d)
                + "…");
    }

    private void decided(Decision d) {
        decidedAt = System.nanoTime();
        if (d == Decision.SUCCESS || d == Decision.FAILURE) {
            outcome.set(d == Decision.SUCCESS ? Outcome.SUCCESS : Outcome.FAILURE);
        }
    }

    /** The session while an episode is being recorded and no recorder call is under way, else null. */
    private StationSession live() {
        StationSession s = sessions.session();
        return s == null || phase.get() != RecordingPhase.RECORDING || busy.get() || !s.recorder().isRecording()
                ? null : s;
    }

    /**
     * The recorder ended the episode on its own (free disk below its guard, a failed write): it saves
     * it unlabelled at once (no decision can be held for it); say so and collect its summary.
     */
    private void recorderStopped(StationSession s) {
        phase(RecordingPhase.IDLE);
        since = -1;
        decidedAt = -1;
        status.set("The recorder stopped the episode on its own; it is saved unlabelled (relabel it in Review).");
        stopRecorder(s);
    }

    private void stopRecorder(StationSession s) {
        recorderThread.execute(() -> {
            try {
                s.recorder().stop().whenComplete((sum, err) -> background.onUi(() -> onSaved(sum, err)));
            } catch (RuntimeException e) {
                background.onUi(() -> status.set("Recorder: " + Background.message(e)));
            }
        });
    }

    private void onSaved(EpisodeSummary sum, Throwable err) {
        if (err != null) {
            status.set("The episode could not be saved: " + Background.message(err));
        } else if (sum.episodeIndex() == EpisodeHold.DISCARDED) {
            discarded.set(discarded.get() + 1);
            status.set("Stopped episode discarded.");
        } else {
            saved.set(saved.get() + 1);
            String note = sum.notes().isEmpty() ? "" : " (" + sum.notes().get(0) + ")";
            double onDisk = decidedAt < 0 ? Double.NaN : (System.nanoTime() - decidedAt) / 1e9;
            lastEpisode.set(String.format(Locale.ROOT, "episode %d: %d frames, %.1f s, %d dropped, on disk %.2f s "
                    + "after the decision", sum.episodeIndex(), sum.rows(), sum.seconds(), sum.totalDropped(), onDisk));
            status.set("Saved " + lastEpisode.get() + note + ".");
        }
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private void run(IoAction action, Runnable done) {
        busy.set(true);
        recorderThread.execute(() -> {
            try {
                action.run();
                background.onUi(() -> {
                    busy.set(false);
                    done.run();
                });
            } catch (Exception e) {
                background.onUi(() -> {
                    busy.set(false);
                    status.set("Recorder: " + Background.message(e));
                });
            }
        });
    }

    private void phase(RecordingPhase p) {
        phase.set(p);
        recording.set(p == RecordingPhase.RECORDING);
        awaiting.set(p == RecordingPhase.AWAITING_DECISION);
    }

    private static String describe(Decision d) {
        return switch (d) {
            case SUCCESS -> "as a success";
            case FAILURE -> "as a failure";
            default -> "unlabelled";
        };
    }

    private static String clock(long nanos) {
        long ms = Math.max(0, nanos) / 1_000_000;
        return String.format(Locale.ROOT, "%02d:%02d.%d", ms / 60000, ms / 1000 % 60, ms / 100 % 10);
    }

    public ReadOnlyObjectProperty<RecordingPhase> phaseProperty() {
        return phase;
    }

    /** True while an episode is being recorded (not while it awaits a decision). */
    public BooleanProperty recordingProperty() {
        return recording;
    }

    /** True while a stopped episode is held for the operator's decision. */
    public BooleanProperty awaitingProperty() {
        return awaiting;
    }

    /** A recorder call is under way (buttons wait). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Episodes saved in this session (counted once they are in the dataset). */
    public IntegerProperty savedProperty() {
        return saved;
    }

    /** Episodes discarded in this session (while recording, held, or re-recorded). */
    public IntegerProperty discardedProperty() {
        return discarded;
    }

    /** The label set while recording (saved with the episode unless the decision replaces it). */
    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    /** mm:ss.d since start; frozen at the stop while a decision is awaited. */
    public StringProperty timerProperty() {
        return timer;
    }

    public StringProperty lastEpisodeProperty() {
        return lastEpisode;
    }
}
