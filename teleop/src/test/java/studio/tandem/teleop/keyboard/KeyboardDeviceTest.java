package studio.tandem.teleop.keyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.joml.Quaterniond;
import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.input.PoseSample;

class KeyboardDeviceTest {
    private static final long MS = 1_000_000L;
    private final ManualClock clock = new ManualClock(0);
    private final PoseSample s = new PoseSample();

    private void run(KeyboardDevice k, int steps) {
        for (int i = 0; i < steps; i++) {
            clock.advanceNanos(4 * MS);
            k.step(clock.nanoTime());
        }
    }

    @Test
    void heldKeysIntegrateIntoThePoseAtTheConfiguredSpeed() {
        KeyboardDevice k = new KeyboardDevice("kb", clock);
        k.step(clock.nanoTime());
        assertThat(k.keyDown("W")).isTrue();
        assertThat(k.keyDown("R")).isTrue();
        run(k, 250); // 1 s
        k.keyUp("W");
        k.keyUp("R");
        run(k, 50);
        k.readPose(0, s);
        assertThat(s.px()).isCloseTo(0.1, within(1e-9));
        assertThat(s.pz()).isCloseTo(0.1, within(1e-9));
        assertThat(s.py()).isEqualTo(0.0);
        assertThat(s.captureNanos()).isEqualTo(clock.nanoTime());
        k.keyDown("J"); // yaw +0.5 rad/s
        run(k, 250);
        k.keyUp("J");
        k.readPose(0, s);
        Quaterniond q = new Quaterniond(s.qx(), s.qy(), s.qz(), s.qw());
        assertThat(q.angle()).isCloseTo(0.5, within(1e-9));
        assertThat(k.keyDown("F13")).isFalse();
    }

    @Test
    void clutchTogglesEstopLatchesAndGripperRamps() {
        KeyboardDevice k = new KeyboardDevice("kb", clock);
        run(k, 1);
        k.readPose(0, s);
        assertThat(s.pressed(PoseSample.BUTTON_CLUTCH)).isTrue();
        k.keyDown("SPACE");
        k.keyDown("SPACE"); // auto-repeat: still one toggle
        k.keyUp("SPACE");
        k.keyDown("W");
        run(k, 100);
        k.readPose(0, s);
        assertThat(s.pressed(PoseSample.BUTTON_CLUTCH)).isFalse();
        assertThat(s.px()).isEqualTo(0.0); // paused: no motion
        k.keyDown("SPACE");
        k.keyUp("SPACE");
        run(k, 25);
        k.readPose(0, s);
        assertThat(s.px()).isGreaterThan(0.0);
        k.keyDown("G");
        run(k, 125); // 0.5 s at 2/s: closed
        k.readPose(0, s);
        assertThat(s.trigger()).isEqualTo(1.0);
        k.keyUp("G");
        k.keyDown("ESCAPE");
        k.keyUp("ESCAPE");
        run(k, 2);
        k.readPose(0, s);
        assertThat(s.pressed(PoseSample.BUTTON_ESTOP)).isTrue();
        assertThat(k.estopLatched()).isTrue();
        k.clearEstop();
        run(k, 1);
        k.readPose(0, s);
        assertThat(s.pressed(PoseSample.BUTTON_ESTOP)).isFalse();
    }

    @Test
    void gamepadAxesDriveTheTwistAndADisconnectMarksTrackingInvalid() {
        float[] values = new float[6];
        long[] buttons = {0};
        AxisSource pad = new AxisSource() {
            @Override
            public long poll(float[] axes) {
                System.arraycopy(values, 0, axes, 0, 6);
                return buttons[0];
            }

            @Override
            public int axisCount() {
                return 6;
            }
        };
        KeyboardDevice k = new KeyboardDevice("pad", clock, KeyBindings.defaults(), pad, GamepadMapping.xinput(),
                0.2, 1.0, 250);
        k.step(clock.nanoTime());
        values[1] = -1f; // left stick pushed forward (XInput y is negative forward in this mapping)
        values[5] = 0.8f;
        run(k, 250);
        k.readPose(0, s);
        assertThat(s.px()).isCloseTo(0.2, within(1e-6));
        assertThat(s.trigger()).isCloseTo(0.8, within(1e-6));
        values[1] = 0.05f; // inside the dead zone
        double x = s.px();
        run(k, 50);
        k.readPose(0, s);
        assertThat(s.px()).isEqualTo(x);
        assertThat(s.trackingValid()).isTrue();
        buttons[0] = -1; // disconnected
        run(k, 1);
        k.readPose(0, s);
        assertThat(s.trackingValid()).isFalse();
    }

    @Test
    void bindingsFromNamesRejectUnknownActions() {
        KeyBindings b = KeyBindings.of(Map.of("up", "z_pos"));
        assertThat(b.action("UP")).isEqualTo(KeyAction.Z_POS);
        assertThatThrownBy(() -> KeyBindings.of(Map.of("X", "fly")))
                .hasMessage("keyboard.bindings.X: unknown action 'fly'");
    }

    @Test
    void deviceThreadPublishesAtItsRate() throws Exception {
        try (KeyboardDevice k = new KeyboardDevice("kb", studio.tandem.dataset.time.NanoClock.SYSTEM)) {
            k.connect();
            Thread.sleep(100);
            k.readPose(0, s);
            assertThat(s.sequence()).isGreaterThan(5);
        }
    }
}
