package studio.tandem.teleop.input;

/**
 * One 6-DoF operator-device sample: a pose, buttons, analog trigger and squeeze, and whether
 * tracking was valid. Mutable on purpose: devices and the control loop each own preallocated
 * instances and copy values in and out of a {@link LatestValue} slot, so no sample allocates.
 *
 * <p>Frames: the position (metres) and orientation (unit quaternion x, y, z, w) are the pose of the
 * device (controller grip, SpaceMouse virtual tool, keyboard virtual tool) in the device's own base
 * frame (OpenXR: the reference space; others: a virtual frame starting at the origin). Not
 * thread-safe; each instance has one owner thread.
 */
public final class PoseSample implements LatestValue.Copyable<PoseSample> {
    /** Bit of {@link #buttons()} conventionally used as the clutch (VR: squeeze-click / SpaceMouse: left button). */
    public static final int BUTTON_CLUTCH = 0;
    public static final int BUTTON_A = 1;
    public static final int BUTTON_B = 2;
    public static final int BUTTON_MENU = 3;
    public static final int BUTTON_ESTOP = 4;
    public static final int BUTTON_GRIP_OPEN = 5;
    public static final int BUTTON_GRIP_CLOSE = 6;

    private long captureNanos;
    private long sequence;
    private double px;
    private double py;
    private double pz;
    private double qx;
    private double qy;
    private double qz;
    private double qw = 1.0;
    private long buttons;
    private double trigger;
    private double squeeze;
    private boolean trackingValid;

    /** Capture time from the injected {@code NanoClock}, nanoseconds. */
    public long captureNanos() {
        return captureNanos;
    }

    /** Per-channel sequence number assigned by {@link LatestValue#publish}; 0 = never published. */
    public long sequence() {
        return sequence;
    }

    public double px() {
        return px;
    }

    public double py() {
        return py;
    }

    public double pz() {
        return pz;
    }

    public double qx() {
        return qx;
    }

    public double qy() {
        return qy;
    }

    public double qz() {
        return qz;
    }

    public double qw() {
        return qw;
    }

    /** Bitmask of pressed buttons, bit i = button i (see the {@code BUTTON_*} constants). */
    public long buttons() {
        return buttons;
    }

    public boolean pressed(int button) {
        return (buttons & (1L << button)) != 0;
    }

    /** Analog trigger, 0 (released) .. 1 (fully pulled). */
    public double trigger() {
        return trigger;
    }

    /** Analog squeeze/grip, 0 .. 1. */
    public double squeeze() {
        return squeeze;
    }

    /** False when the device reports its pose as untracked (VR tracking loss) or invalid. */
    public boolean trackingValid() {
        return trackingValid;
    }

    public PoseSample set(long captureNanos, double px, double py, double pz,
                          double qx, double qy, double qz, double qw) {
        this.captureNanos = captureNanos;
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.qx = qx;
        this.qy = qy;
        this.qz = qz;
        this.qw = qw;
        return this;
    }

    public PoseSample setInputs(long buttons, double trigger, double squeeze, boolean trackingValid) {
        this.buttons = buttons;
        this.trigger = trigger;
        this.squeeze = squeeze;
        this.trackingValid = trackingValid;
        return this;
    }

    public PoseSample setCaptureNanos(long captureNanos) {
        this.captureNanos = captureNanos;
        return this;
    }

    public PoseSample setButtons(long buttons) {
        this.buttons = buttons;
        return this;
    }

    public PoseSample setTrackingValid(boolean valid) {
        this.trackingValid = valid;
        return this;
    }

    @Override
    public void assignSequence(long sequence) {
        this.sequence = sequence;
    }

    @Override
    public void copyFrom(PoseSample o) {
        captureNanos = o.captureNanos;
        sequence = o.sequence;
        px = o.px;
        py = o.py;
        pz = o.pz;
        qx = o.qx;
        qy = o.qy;
        qz = o.qz;
        qw = o.qw;
        buttons = o.buttons;
        trigger = o.trigger;
        squeeze = o.squeeze;
        trackingValid = o.trackingValid;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "PoseSample[t=%d seq=%d p=(%.4f,%.4f,%.4f) q=(%.4f,%.4f,%.4f,%.4f) buttons=%x trig=%.2f sq=%.2f valid=%b]",
                captureNanos, sequence, px, py, pz, qx, qy, qz, qw, buttons, trigger, squeeze, trackingValid);
    }
}
