package studio.tandem.teleop.keyboard;

import java.util.concurrent.atomic.AtomicLong;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.input.AbstractOperatorDevice;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.TwistIntegrator;

/**
 * Keyboard and gamepad teleoperation for everyone without hardware. Key events arrive by name from
 * any thread (the UI feeds them); the device thread, at a fixed rate, turns held keys and gamepad
 * axes into a velocity twist, integrates it into a virtual tool pose (channel 0, {@code tool}; x
 * forward, y left, z up), and publishes. Following is on by default and toggled by the clutch key;
 * the e-stop key latches until {@link #clearEstop()}. The gripper closure ramps while its key is held.
 */
public final class KeyboardDevice extends AbstractOperatorDevice {
    private final KeyBindings bindings;
    private final AxisSource gamepad;
    private final GamepadMapping padMapping;
    private final double speed;
    private final double angularSpeed;
    private final long periodNanos;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong toggles = new AtomicLong();
    private final TwistIntegrator integrator = new TwistIntegrator();
    private final PoseSample sample = new PoseSample();
    private final DeviceThread worker = new DeviceThread();
    private final float[] axes;
    private volatile boolean estop;
    private volatile boolean padConnected = true;
    private volatile boolean following = true;
    private long lastPadButtons;
    private long seenToggles;
    private double gripper;
    private long lastStep = Long.MIN_VALUE;

    /**
     * @param gamepad optional analog source (null for keyboard only)
     * @param speed linear speed while a key is held, m/s
     * @param angularSpeed angular speed while a key is held, rad/s
     * @param rateHz publishing rate of the device thread
     */
    public KeyboardDevice(String id, NanoClock clock, KeyBindings bindings, AxisSource gamepad,
                          GamepadMapping padMapping, double speed, double angularSpeed, double rateHz) {
        super(id, clock, false, "tool");
        if (!(speed > 0) || !(angularSpeed > 0) || !(rateHz > 0)) {
            throw new IllegalArgumentException("keyboard: speed, angular speed and rate must be > 0");
        }
        this.bindings = bindings;
        this.gamepad = gamepad;
        this.padMapping = padMapping == null ? GamepadMapping.xinput() : padMapping;
        this.speed = speed;
        this.angularSpeed = angularSpeed;
        this.periodNanos = (long) (1e9 / rateHz);
        this.axes = new float[gamepad == null ? 0 : gamepad.axisCount()];
    }

    public KeyboardDevice(String id, NanoClock clock) {
        this(id, clock, KeyBindings.defaults(), null, null, 0.1, 0.5, 250);
    }

    /** A key went down. Any thread. Unbound keys are ignored and return false. */
    public boolean keyDown(String keyName) {
        KeyAction a = bindings.action(keyName);
        if (a == null) {
            return false;
        }
        long bit = 1L << a.ordinal();
        long before = held.getAndAccumulate(bit, KeyboardDevice::press);
        if ((before & bit) == 0) {
            if (a == KeyAction.CLUTCH) {
                toggles.incrementAndGet();
            } else if (a == KeyAction.ESTOP) {
                estop = true;
            }
        }
        return true;
    }

    /** A key went up. Any thread. */
    public boolean keyUp(String keyName) {
        KeyAction a = bindings.action(keyName);
        if (a == null) {
            return false;
        }
        held.getAndAccumulate(1L << a.ordinal(), KeyboardDevice::release);
        return true;
    }

    private static long press(long keys, long bit) {
        return keys | bit;
    }

    private static long release(long keys, long bit) {
        return keys & ~bit;
    }

    /** Releases every key (e.g. when the window loses focus). Any thread. */
    public void releaseAll() {
        held.set(0);
    }

    /** Clears a latched e-stop. Any thread. */
    public void clearEstop() {
        estop = false;
    }

    public boolean estopLatched() {
        return estop;
    }

    @Override
    public synchronized void connect() {
        if (worker.running()) {
            return;
        }
        setState(DeviceState.CONNECTED);
        worker.start("keyboard-" + id(), this::run);
    }

    private void run() {
        long next = clock.nanoTime();
        while (worker.running()) {
            step(clock.nanoTime());
            next += periodNanos;
            long sleep = next - clock.nanoTime();
            if (sleep > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(sleep);
            } else {
                next = clock.nanoTime();
            }
        }
    }

    /**
     * One device-thread step at {@code now}: integrate and publish. Called by the device thread, or
     * directly by tests (then without {@link #connect()}).
     */
    public void step(long now) {
        double dt = lastStep == Long.MIN_VALUE ? 0 : Math.min(0.1, (now - lastStep) * 1e-9);
        lastStep = now;
        long h = held.get();
        long padButtons = pollPad();
        long t = toggles.get();
        if (t != seenToggles) {
            following ^= ((t - seenToggles) & 1) == 1;
            seenToggles = t;
        }
        double vx = axis(h, KeyAction.X_POS, KeyAction.X_NEG) * speed + pad(0) * speed;
        double vy = axis(h, KeyAction.Y_POS, KeyAction.Y_NEG) * speed + pad(1) * speed;
        double vz = axis(h, KeyAction.Z_POS, KeyAction.Z_NEG) * speed + pad(2) * speed;
        double wx = axis(h, KeyAction.ROLL_POS, KeyAction.ROLL_NEG) * angularSpeed + pad(3) * angularSpeed;
        double wy = axis(h, KeyAction.PITCH_POS, KeyAction.PITCH_NEG) * angularSpeed + pad(4) * angularSpeed;
        double wz = axis(h, KeyAction.YAW_POS, KeyAction.YAW_NEG) * angularSpeed + pad(5) * angularSpeed;
        if (following && !estop) {
            integrator.integrate(vx, vy, vz, wx, wy, wz, dt);
        }
        double g = axis(h, KeyAction.GRIPPER_CLOSE, KeyAction.GRIPPER_OPEN);
        gripper = Math.max(0, Math.min(1, gripper + 2.0 * g * dt));
        if (padMapping.triggerAxis() >= 0 && padMapping.triggerAxis() < axes.length
                && axes[padMapping.triggerAxis()] > 0.05) {
            gripper = Math.max(gripper, axes[padMapping.triggerAxis()]);
        }
        integrator.writeTo(sample, now);
        long buttons = (following ? 1L << PoseSample.BUTTON_CLUTCH : 0) | (estop ? 1L << PoseSample.BUTTON_ESTOP : 0);
        sample.setInputs(buttons | padButtons << 8, gripper, 0, padConnected);
        publishPose(0, sample);
    }

    private long pollPad() {
        if (gamepad == null) {
            return 0;
        }
        long b = gamepad.poll(axes);
        padConnected = b >= 0;
        if (b < 0) {
            java.util.Arrays.fill(axes, 0f);
            return 0;
        }
        long pressedNow = b & ~lastPadButtons;
        lastPadButtons = b;
        if (padMapping.clutchButton() >= 0 && (pressedNow & (1L << padMapping.clutchButton())) != 0) {
            following = !following;
        }
        if (padMapping.estopButton() >= 0 && (pressedNow & (1L << padMapping.estopButton())) != 0) {
            estop = true;
        }
        return b;
    }

    private double pad(int i) {
        return axes.length == 0 ? 0 : padMapping.twist(axes, i);
    }

    private static double axis(long held, KeyAction pos, KeyAction neg) {
        return ((held >>> pos.ordinal()) & 1) - ((held >>> neg.ordinal()) & 1);
    }

    /** Whether keyboard input currently drives the tool (the clutch toggle). */
    public boolean following() {
        return following;
    }

    @Override
    public void close() {
        worker.stop(false, 1000);
        setState(DeviceState.DISCONNECTED);
    }
}
