package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;

class ArmRetargeterTest {
    private static final long TICK = 2_000_000L; // 500 Hz

    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final ProgrammaticDevice device = new ProgrammaticDevice("vr", clock);
    private final PoseSample s = new PoseSample();
    private final Vector3d devPos = new Vector3d();
    private final Quaterniond devRot = new Quaterniond();
    private boolean clutch = true;

    @BeforeEach
    void connect() {
        device.connect();
    }

    private ArmRetargeter pipeline(ArmRetargetConfig cfg) {
        ArmRetargeter p = new ArmRetargeter(device, cfg, null, 6);
        p.reset(new Vector3d(0.4, 0.1, 0.4), new Quaterniond().rotateX(Math.PI), new double[6]);
        return p;
    }

    private void publish() {
        s.set(clock.nanoTime(), devPos.x, devPos.y, devPos.z, devRot.x, devRot.y, devRot.z, devRot.w)
                .setInputs(clutch ? 1L << PoseSample.BUTTON_CLUTCH : 0, 0.5, 0, true);
        device.publish(0, s);
    }

    private ArmTarget step(ArmRetargeter p) {
        clock.advanceNanos(TICK);
        publish();
        return p.tick(clock.nanoTime());
    }

    @Test
    void clutchEngageAndReleaseAtArbitraryPosesNeverJump() {
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0).withLimits(100, 1e5, 100, 1e5)
                .withFilter(1e4, 0, 0));
        Random r = new Random(11);
        Vector3d prev = new Vector3d(0.4, 0.1, 0.4);
        double maxJumpAtToggle = 0;
        int toggles = 0;
        for (int i = 0; i < 3000; i++) {
            // smooth device motion, 1 mm per tick at most, plus teleport while released
            devPos.add((r.nextDouble() - 0.5) * 1e-3, (r.nextDouble() - 0.5) * 1e-3, (r.nextDouble() - 0.5) * 1e-3);
            devRot.rotateXYZ((r.nextDouble() - 0.5) * 1e-2, (r.nextDouble() - 0.5) * 1e-2, 0);
            boolean before = clutch;
            if (r.nextInt(40) == 0) {
                clutch = !clutch;
            }
            if (!clutch && r.nextInt(5) == 0) {
                devPos.set(r.nextDouble(), r.nextDouble(), r.nextDouble()); // operator repositions the hand
                devRot.rotateXYZ(r.nextDouble() * 3, r.nextDouble() * 3, r.nextDouble() * 3);
            }
            ArmTarget c = step(p);
            double jump = c.position().distance(prev);
            if (before != clutch) {
                toggles++;
                maxJumpAtToggle = Math.max(maxJumpAtToggle, jump);
            }
            assertThat(jump).as("tick %d", i).isLessThan(2e-3);
            assertThat(c.mode()).isEqualTo(clutch ? ArmTarget.Mode.FOLLOW : ArmTarget.Mode.CLUTCH_RELEASED);
            prev.set(c.position());
        }
        assertThat(toggles).isGreaterThan(50);
        assertThat(maxJumpAtToggle).isLessThan(1e-12);
    }

    @Test
    void targetIsClampedIntoTheWorkspaceBox() {
        WorkspaceBox box = new WorkspaceBox(0.2, -0.3, 0.1, 0.6, 0.3, 0.5);
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0).withWorkspace(box)
                .withLimits(100, 1e5, 100, 1e5).withFilter(1e4, 0, 0));
        step(p);
        for (int i = 0; i < 200; i++) {
            devPos.add(0.01, -0.01, 0.01); // 2 m away diagonally at the end
            ArmTarget c = step(p);
            assertThat(box.contains(c.position())).isTrue();
        }
        ArmTarget c = p.tick(clock.nanoTime());
        assertThat(c.position().x).isEqualTo(0.6);
        assertThat(c.position().y).isEqualTo(-0.3);
        assertThat(c.position().z).isEqualTo(0.5);
        assertThat(box.clampedCount()).isGreaterThan(100);
    }

    @Test
    void speedAndAccelerationOfTheTargetAreLimited() {
        double vMax = 0.25;
        double aMax = 2.0;
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0).withLimits(vMax, aMax, 1.0, 5.0)
                .withFilter(1e4, 0, 0));
        step(p);
        devPos.add(0.3, 0, 0); // a 30 cm jump of the device
        devRot.rotateZ(1.0);
        Vector3d prev = new Vector3d(0.4, 0.1, 0.4);
        double prevV = 0;
        double maxV = 0;
        for (int i = 0; i < 1500; i++) {
            ArmTarget c = step(p);
            double v = c.position().distance(prev) / (TICK * 1e-9);
            assertThat(v).isLessThanOrEqualTo(vMax + 1e-9);
            assertThat(Math.abs(v - prevV) / (TICK * 1e-9)).isLessThanOrEqualTo(aMax + 1e-6);
            assertThat(p.limiter().angularVelocity().length()).isLessThanOrEqualTo(1.0 + 1e-9);
            maxV = Math.max(maxV, v);
            prevV = v;
            prev.set(c.position());
        }
        assertThat(maxV).isGreaterThan(vMax * 0.99);
        assertThat(prev.x).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-3)); // arrives, no overshoot beyond 1 mm
        assertThat(p.limiter().limitedCount()).isGreaterThan(0);
    }

    @Test
    void dropoutHoldsAfter100msAndRecoversWithoutJump() {
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0));
        for (int i = 0; i < 10; i++) {
            devPos.add(0.001, 0, 0);
            assertThat(step(p).mode()).isEqualTo(ArmTarget.Mode.FOLLOW);
        }
        // device goes silent: 100 ms is still fine, 100 ms + 1 tick holds
        long lastSample = clock.nanoTime();
        ArmTarget c = null;
        while (clock.nanoTime() - lastSample <= 100_000_000L) {
            c = p.tick(clock.nanoTime());
            assertThat(c.mode()).isEqualTo(ArmTarget.Mode.FOLLOW);
            clock.advanceNanos(TICK);
        }
        c = p.tick(clock.nanoTime());
        assertThat(c.mode()).isEqualTo(ArmTarget.Mode.HOLD);
        assertThat(c.holdReason()).isEqualTo(HoldReason.STALE);
        assertThat(p.statusMessage()).contains("stopped reporting");
        Vector3d held = new Vector3d(c.position());
        // it comes back somewhere else: re-anchored, no jump
        devPos.set(5, 5, 5);
        c = step(p);
        assertThat(c.mode()).isEqualTo(ArmTarget.Mode.FOLLOW);
        assertThat(c.position().distance(held)).isLessThan(1e-9);
        assertThat(p.watchdog().holdCount()).isEqualTo(1);
    }

    @Test
    void trackingLossFaultAndEstopHold() {
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0));
        step(p);
        clock.advanceNanos(TICK);
        s.setTrackingValid(false).setCaptureNanos(clock.nanoTime());
        device.publish(0, s);
        assertThat(p.tick(clock.nanoTime()).holdReason()).isEqualTo(HoldReason.TRACKING_LOST);
        assertThat(step(p).mode()).isEqualTo(ArmTarget.Mode.FOLLOW);
        clock.advanceNanos(TICK);
        s.setButtons(1L << PoseSample.BUTTON_CLUTCH | 1L << PoseSample.BUTTON_ESTOP).setCaptureNanos(clock.nanoTime());
        device.publish(0, s);
        assertThat(p.tick(clock.nanoTime()).holdReason()).isEqualTo(HoldReason.ESTOP);
        assertThat(step(p).holdReason()).as("latched after release").isEqualTo(HoldReason.ESTOP);
        p.clearEstop();
        assertThat(step(p).mode()).isEqualTo(ArmTarget.Mode.FOLLOW);
        device.simulateFault("SpaceMouse unplugged");
        ArmTarget c = step(p);
        assertThat(c.holdReason()).isEqualTo(HoldReason.DEVICE_FAULT);
        assertThat(p.statusMessage()).contains("unplugged");
    }

    @Test
    void nanInputHoldsAndNeverReachesTheTarget() {
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0));
        step(p);
        devPos.x = Double.NaN;
        ArmTarget c = step(p);
        assertThat(c.holdReason()).isEqualTo(HoldReason.INVALID_INPUT);
        assertThat(Double.isFinite(c.position().x)).isTrue();
    }

    @Test
    void ikFailureHoldsAtTheLastReachableTarget() {
        ArmRetargeter p = new ArmRetargeter(device, ArmRetargetConfig.defaults(0), (pos, rot, seed, out) -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = pos.x; // fake solver: "reachable" only for x < 0.405
            }
            return pos.x < 0.405;
        }, 6);
        p.reset(new Vector3d(0.4, 0.1, 0.4), new Quaterniond(), new double[6]);
        ArmTarget c = null;
        for (int i = 0; i < 200 && (c == null || !c.holding()); i++) {
            devPos.add(0.0005, 0, 0);
            c = step(p);
        }
        assertThat(c.holdReason()).isEqualTo(HoldReason.IK_FAILED);
        assertThat(c.position().x).isLessThan(0.405);
        assertThat(c.joints()[0]).isLessThan(0.405);
    }

    @Test
    void triggerDrivesGripperClosure() {
        assertThat(GripperMapping.DEFAULT.closure(0.0)).isEqualTo(0.0);
        assertThat(GripperMapping.DEFAULT.closure(1.0)).isEqualTo(1.0);
        assertThat(GripperMapping.DEFAULT.closure(0.5)).isBetween(0.49, 0.51);
        assertThat(GripperMapping.DEFAULT.closure(Double.NaN)).isEqualTo(0.0);
        ArmRetargeter p = pipeline(ArmRetargetConfig.defaults(0));
        assertThat(step(p).gripperClosure()).isBetween(0.49, 0.51);
    }
}
