package studio.tandem.app.studio.collect;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.session.EpisodeHold;
import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.loop.Tick;
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
    private final StationMonitor monitor = new StationMonitor();
    private final StringProperty task = new SimpleStringProperty("pick up the red cube");
    private final StringProperty dropped = new SimpleStringProperty("0 dropped");
    private final StringProperty timing = new SimpleStringProperty("loop —");
    private final StringProperty freeDisk = new SimpleStringProperty("disk ?");
    private final java.util.concurrent.atomic.AtomicLong freeBytes = new java.util.concurrent.atomic.AtomicLong(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final EpisodeControl episodes;
    private final BooleanProperty clutch = new SimpleBooleanProperty();
    private final BooleanProperty intervention = new SimpleBooleanProperty();
    private final StringProperty authority = new SimpleStringProperty("");
    private final ObservableList<DeviceStatus> devices = FXCollections.observableArrayList();
    private long lastSecond = -1;
    private long seenTick = -1;

    public CollectViewModel(SessionModel sessions, Background background) {
        this.sessions = sessions;
        this.background = background;
        this.episodes = new EpisodeControl(sessions, background, task, status);
    }

    /** Starts the station if it is not running (Collect became visible). */
    public void activate() {
        sessions.start();
    }

    /** The recording bar's state machine: start, stop and hold, decide, discard, re-record. */
    public EpisodeControl episodes() {
        return episodes;
    }

    /** Starts recording an episode with the task text. */
    public void start() {
        episodes.start();
    }

    /** Stops the episode and saves it at once with the label it has (one key, for speed). */
    public void stopAndSave() {
        episodes.save(EpisodeHold.Decision.KEEP_LABEL);
    }

    /** Throws the episode being recorded (or the one held) away. */
    public void discard() {
        episodes.discard();
    }

    /** Discards the episode and starts it again with the same task. */
    public void rerecord() {
        episodes.rerecord();
    }

    /** Labels the episode being recorded (saved with it), or saves a held one with this label. */
    public void label(Outcome o) {
        episodes.label(o);
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
        episodes.refresh(s, nowNanos);
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
        dropped.set(episodes.dropped(s) + " dropped");
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

    /** True while an episode is being recorded (not while a stopped one awaits a decision). */
    public BooleanProperty recordingProperty() {
        return episodes.recordingProperty();
    }

    /** A recorder call is under way (buttons wait). */
    public BooleanProperty busyProperty() {
        return episodes.busyProperty();
    }

    /** Episodes saved in this session. */
    public IntegerProperty savedProperty() {
        return episodes.savedProperty();
    }

    public StringProperty timerProperty() {
        return episodes.timerProperty();
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
        return episodes.lastEpisodeProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return episodes.outcomeProperty();
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
