package studio.tandem.app.studio.review;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The episode player: current frame, play/pause, step and speed, advanced at screen rate by
 * {@link #advance(long)} from the window's frame ticker. Every change of frame is sent to the
 * episode's cameras, so all cameras show the same frame. FX thread only.
 */
public final class PlayerViewModel {
    /** The speeds offered, as multiples of the dataset's fps. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    private final IntegerProperty frame = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private int fps = 30;
    private long lastPulse = -1;
    private double carry;
    private CameraPlayback cameras;

    public PlayerViewModel() {
        frame.addListener((o, a, b) -> {
            if (cameras != null) {
                cameras.show(b.intValue());
            }
        });
        playing.addListener((o, a, b) -> lastPulse = -1);
    }

    /** Shows another episode ({@code length} frames at {@code fps}) from its first frame. */
    void load(int newLength, int newFps, CameraPlayback newCameras) {
        playing.set(false);
        cameras = newCameras;
        fps = Math.max(1, newFps);
        length.set(newLength);
        carry = 0;
        if (frame.get() == 0 && cameras != null) {
            cameras.show(0);
        }
        frame.set(0);
    }

    /** Shows nothing. */
    void clear() {
        load(0, fps, null);
    }

    /**
     * Moves the frame forward by the time since the previous pulse times fps times speed; stops at
     * the last frame. Called at every pulse.
     *
     * @param nowNanos the pulse time
     */
    public void advance(long nowNanos) {
        if (!playing.get()) {
            return;
        }
        if (lastPulse < 0) {
            lastPulse = nowNanos;
            return;
        }
        carry += (nowNanos - lastPulse) / 1e9 * fps * speed.get();
        lastPulse = nowNanos;
        int whole = (int) carry;
        if (whole > 0) {
            carry -= whole;
            int next = Math.min(length.get() - 1, frame.get() + whole);
            frame.set(next);
            if (next >= length.get() - 1) {
                playing.set(false);
            }
        }
    }

    /** Plays from the start when at the end; otherwise toggles play/pause. */
    public void togglePlay() {
        if (length.get() < 2) {
            return;
        }
        if (!playing.get() && frame.get() >= length.get() - 1) {
            frame.set(0);
        }
        playing.set(!playing.get());
    }

    /** Moves by {@code frames} (negative: back), pausing playback. */
    public void step(int frames) {
        playing.set(false);
        seek(frame.get() + frames);
    }

    /** Goes to {@code f}, clamped to the episode. */
    public void seek(int f) {
        if (length.get() > 0) {
            frame.set(Math.max(0, Math.min(length.get() - 1, f)));
        }
    }

    /** The next speed of {@link #SPEEDS} (wrapping). */
    public void cycleSpeed() {
        int i = SPEEDS.indexOf(speed.get());
        speed.set(SPEEDS.get((i + 1) % SPEEDS.size()));
    }

    public IntegerProperty frameProperty() {
        return frame;
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public int fps() {
        return fps;
    }

    /** The time of the current frame, "s.ss / s.ss s". */
    public String timeText() {
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f s", frame.get() / (double) fps,
                Math.max(0, length.get() - 1) / (double) fps);
    }
}
