package studio.tandem.app.studio.collect;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.SerialExecutor;
import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;
import studio.tandem.recorder.episode.Outcome;

/**
 * Collect's state and actions: the recording bar (task, start / stop and save / discard / re-record,
 * success or failure, episode counter and timer, dropped frames, loop timing), the clutch and
 * intervention indicators and the live station lines. Pulls the session's latest tick at screen
 * rate ({@link #refresh}); recorder calls run one after another on the worker, never on the FX thread.
 * FX thread only.
 */
public final class CollectViewModel implements FrameTicker.Refreshable {
    private final SessionModel sessions;
    private final Background background;
    private final Executor recorderThread;
    private final StationMonitor monitor = new StationMonitor();
    private final StringProperty task = new SimpleStringProperty("pick up the red cube");
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty saved = new SimpleIntegerProperty();
    private final StringProperty timer = new SimpleStringProperty("00:00.0");
    private final StringProperty dropped = new SimpleStringProperty("0 dropped");
    private final StringProperty timing = new SimpleStringProperty("loop —");
    private final StringProperty freeDisk = new SimpleStringProperty("disk ?");
    private final java.util.concurrent.atomic.AtomicLong freeBytes = new java.util.concurrent.atomic.AtomicLong(-1);
    private final StringProperty lastEpisode = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.UNLABELED);
    private final BooleanProperty clutch = new SimpleBooleanProperty();
    private final BooleanProperty intervention = new SimpleBooleanProperty();
    private final StringProperty authority = new SimpleStringProperty("");
    private final ObservableList<DeviceStatus> devices = FXCollections.observableArrayList();
    private long recordingSince = -1;
    private long lastSecond = -1;
    private long seenTick = -1;
    private long droppedAtStart;

    public CollectViewModel(SessionModel sessions, Background background) {
        this.sessions = sessions;
        this.background = background;
        this.recorderThread = new SerialExecutor(background.worker());
    }

    /** Starts the station if it is not running (Collect became visible). */
    public void activate() {
        sessions.start();
    }

    /** Starts recording an episode with the task text. */
    public void start() {
        StationSession s = sessions.session();
        String t = task.get() == null ? "" : task.get().trim();
        if (s == null || recording.get() || busy.get()) {
            return;
        }
        if (t.isEmpty()) {
            status.set("Type the task before recording (it is stored with every frame).");
            return;
        }
        busy.set(true);
        outcome.set(Outcome.UNLABELED);
        run(() -> s.recorder().start(new EpisodeInfo(t, System.getProperty("user.name"), "")), () -> {
            recording.set(true);
            recordingSince = System.nanoTime();
            droppedAtStart = s.framesDropped() + s.ticksDropped();
            status.set("Recording: " + t);
        });
    }

    /** Stops and saves the episode (saved in the background; the counter moves once it is on disk). */
    public void stopAndSave() {
        StationSession s = sessions.session();
        if (s == null || !recording.get()) {
            return;
        }
        recording.set(false);
        recordingSince = -1;
        status.set("Saving episode…");
        recorderThread.execute(() -> s.recorder().stop().whenComplete((sum, err) ->
                background.onUi(() -> onSaved(sum, err))));
    }

    private void onSaved(EpisodeSummary sum, Throwable err) {
        if (err != null) {
            status.set("The episode could not be saved: " + Background.message(err));
            return;
        }
        saved.set(saved.get() + 1);
        lastEpisode.set(String.format(Locale.ROOT, "episode %d: %d frames, %.1f s, %d dropped, on disk %.2f s "
                + "after stop", sum.episodeIndex(), sum.rows(), sum.seconds(), sum.totalDropped(), sum.saveLatencyS()));
        status.set("Saved " + lastEpisode.get() + ".");
    }

    /** Throws the episode being recorded away. */
    public void discard() {
        StationSession s = sessions.session();
        if (s == null || !recording.get()) {
            return;
        }
        busy.set(true);
        run(() -> s.recorder().discard(), () -> {
            recording.set(false);
            recordingSince = -1;
            status.set("Episode discarded.");
        });
    }

    /** Discards the episode being recorded and starts it again with the same task. */
    public void rerecord() {
        StationSession s = sessions.session();
        if (s == null || !recording.get()) {
            return;
        }
        busy.set(true);
        run(() -> s.recorder().rerecord(), () -> {
            recordingSince = System.nanoTime();
            outcome.set(Outcome.UNLABELED);
            status.set("Re-recording: " + task.get());
        });
    }

    /** Labels the episode being recorded. */
    public void label(Outcome o) {
        StationSession s = sessions.session();
        if (s == null || !recording.get()) {
            return;
        }
        outcome.set(o);
        recorderThread.execute(() -> s.recorder().label(o));
    }

    /** A key went down in Collect (key names as {@code KeyCode.name()}); true if it drives the robot. */
    public boolean keyDown(String keyName) {
        StationSession s = sessions.session();
        return s != null && s.operator().device().keyDown(keyName);
    }

    public boolean keyUp(String keyName) {
        StationSession s = sessions.session();
        return s != null && s.operator().device().keyUp(keyName);
    }

    /** Releases every key (the window lost focus). */
    public void releaseKeys() {
        StationSession s = sessions.session();
        if (s != null) {
            s.operator().device().releaseAll();
        }
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private void run(IoAction action, Runnable done) {
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

    @Override
    public void refresh(long nowNanos) {
        StationSession s = sessions.session();
        if (s == null) {
            return;
        }
        Tick t = s.loop().ticks().latest();
        if (t != null && t.sequence() != seenTick) {
            seenTick = t.sequence();
            intervention.set(t.intervention());
            authority.set("arm " + name(t.armAuthority()) + " · hand " + name(t.handAuthority()));
        }
        clutch.set(s.operator().clutchEngaged());
        if (recordingSince >= 0) {
            long ms = (nowNanos - recordingSince) / 1_000_000;
            timer.set(String.format(Locale.ROOT, "%02d:%02d.%d", ms / 60000, ms / 1000 % 60, ms / 100 % 10));
        }
        if (lastSecond < 0 || nowNanos - lastSecond >= 1_000_000_000L) {
            lastSecond = nowNanos;
            onSecond(s, nowNanos);
        }
    }

    private void onSecond(StationSession s, long nowNanos) {
        List<DeviceStatus> lines = monitor.sample(s, nowNanos);
        if (!lines.equals(devices)) {
            devices.setAll(lines);
        }
        timing.set(StationMonitor.timing(s.loop()));
        long d = s.framesDropped() + s.ticksDropped() - (recording.get() ? droppedAtStart : 0);
        dropped.set(d + " dropped");
        long free = freeBytes.get();
        freeDisk.set(free < 0 ? "disk ?" : String.format(Locale.ROOT, "%.1f GiB free", free / (double) (1L << 30)));
        java.nio.file.Path dir = s.settings().dataset();
        background.worker().execute(() -> freeBytes.set(DiskProbe.usable(dir)));
    }

    private static String name(Authority a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    public StringProperty taskProperty() {
        return task;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    /** A recorder call is under way (buttons wait). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Episodes saved in this session. */
    public IntegerProperty savedProperty() {
        return saved;
    }

    public StringProperty timerProperty() {
        return timer;
    }

    public StringProperty droppedProperty() {
        return dropped;
    }

    public StringProperty timingProperty() {
        return timing;
    }

    /** Free space where the episodes go, refreshed every second off the FX thread. */
    public StringProperty freeDiskProperty() {
        return freeDisk;
    }

    public StringProperty lastEpisodeProperty() {
        return lastEpisode;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    /** Whether the keyboard drives the arm (SPACE toggles). */
    public BooleanProperty clutchProperty() {
        return clutch;
    }

    public BooleanProperty interventionProperty() {
        return intervention;
    }

    public StringProperty authorityProperty() {
        return authority;
    }

    public ObservableList<DeviceStatus> devices() {
        return devices;
    }

    public SessionModel sessions() {
        return sessions;
    }
}
