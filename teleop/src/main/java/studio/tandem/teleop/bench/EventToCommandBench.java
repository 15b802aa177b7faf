package studio.tandem.teleop.bench;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.retarget.ArmRetargetConfig;
import studio.tandem.teleop.retarget.ArmRetargeter;
import studio.tandem.teleop.retarget.ArmTarget;
import studio.tandem.teleop.retarget.DlsJointSolver;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.sim.SimArm;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * Device event → arm command latency in process, on the simulated station with its physics running in
 * real time: a device thread publishes pose samples (stamped at capture) through the same latest-value
 * slot as a real device; the calling thread, acting as the control loop, polls it and runs the whole
 * path (dropout watchdog, clutch, filter, workspace, limits, UR5e DLS IK, {@link SimArm#send}); the
 * latency of an event ends when {@code send} has returned for it. The loop polls every ~20 µs, so the
 * number excludes a fixed-rate loop's phase wait (up to one control period). For {@code tandem bench teleop}; not a unit test.
 */
public final class EventToCommandBench {
    /** Pause of the polling loop when no new event has arrived (a sleeping thread is woken promptly). */
    private static final long POLL_NANOS = 20_000;

    /**
     * @param p50Ms median latency (ms)
     * @param p99Ms 99th percentile (ms)
     * @param maxMs worst case (ms)
     * @param events events measured
     * @param superseded of those, events overwritten by a newer one before the loop read them (their
     *                   latency runs until the command of the newer one was sent)
     */
    public record Result(double p50Ms, double p99Ms, double maxMs, int events, long superseded) {
    }

    private EventToCommandBench() {
    }

    /**
     * Measures {@code events} events at one per {@code eventPeriodNanos}, after a warm-up of the same
     * length (discarded). Blocks the caller for about twice {@code events × eventPeriodNanos}.
     *
     * @throws DeviceException if the simulated station does not connect
     */
    public static Result run(int events, long eventPeriodNanos) throws DeviceException {
        if (events < 100 || eventPeriodNanos < 10_000) {
            throw new IllegalArgumentException("bench teleop: need >= 100 events at a period >= 10 us");
        }
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), NanoClock.SYSTEM, true)) {
            sim.station().connect();
            sim.station().activate();
            Pipeline warm = new Pipeline(sim.arm());
            measure(warm, events, eventPeriodNanos);
            return measure(new Pipeline(sim.arm()), events, eventPeriodNanos);
        }
    }

    /**
     * The path's own cost: publish, tick and send on one thread (no hand-off, no scheduling) after a
     * warm-up; physics stepped by nobody. Returns the distribution of publish → send returned, over the
     * events that reached the arm ({@code superseded} counts those that did not).
     */
    public static Result computeOnly(int events) throws DeviceException {
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), NanoClock.SYSTEM, false)) {
            sim.station().connect();
            sim.station().activate();
            Pipeline p = new Pipeline(sim.arm());
            PoseSample s = new PoseSample();
            int warmup = Math.max(20_000, events);
            long[] lat = new long[events];
            int n = 0;
            for (int i = 0; i < warmup + events; i++) {
                long t0 = NanoClock.SYSTEM.nanoTime();
                p.device.publish(0, wave(s, t0, i));
                long sent = p.step(t0);
                long dt = NanoClock.SYSTEM.nanoTime() - t0;
                if (i >= warmup && sent == t0) {
                    lat[n++] = dt;
                }
            }
            return result(lat, n, events - n);
        }
    }

    /**
     * Every event is measured: when the loop sends event k, events that a newer one overwrote in the
     * slot before the loop read it (superseded) also count, with their own capture time, since the
     * command that carries their motion is this one.
     */
    private static Result measure(Pipeline p, int events, long period) {
        NanoClock clock = NanoClock.SYSTEM;
        long[] captures = new long[events];
        Thread producer = new Thread(() -> produce(p.device, clock, captures, period), "bench-device");
        producer.setDaemon(true);
        long[] lat = new long[events];
        int next = 0;
        long superseded = 0;
        long lastCapture = Long.MIN_VALUE;
        producer.start();
        long deadline = clock.nanoTime() + events * period * 4 + 5_000_000_000L;
        while (next < events && clock.nanoTime() < deadline) {
            long capture = p.step(clock.nanoTime());
            if (capture == Long.MIN_VALUE || capture == lastCapture) {
                LockSupport.parkNanos(POLL_NANOS);
                continue;
            }
            long sent = clock.nanoTime();
            int k = next;
            while (k < events - 1 && captures[k] != capture) { // written before the slot published it
                k++;
            }
            superseded += k - next;
            for (int i = next; i <= k; i++) {
                lat[i] = sent - captures[i];
            }
            next = k + 1;
            lastCapture = capture;
        }
        return result(lat, next, superseded);
    }

    private static Result result(long[] lat, int n, long superseded) {
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        return new Result(pct(sorted, 0.5), pct(sorted, 0.99), n == 0 ? Double.NaN : sorted[n - 1] / 1e6, n,
                superseded);
    }

    private static void produce(ProgrammaticDevice device, NanoClock clock, long[] captures, long period) {
        PoseSample s = new PoseSample();
        long next = clock.nanoTime();
        for (int i = 0; i < captures.length; i++) {
            next += period;
            long now;
            while ((now = clock.nanoTime()) < next) {
                LockSupport.parkNanos(Math.max(1, (next - now) / 2));
            }
            captures[i] = clock.nanoTime();
            device.publish(0, wave(s, captures[i], i));
        }
    }

    /** A slow figure-eight of a few centimetres with the clutch held. */
    private static PoseSample wave(PoseSample s, long stamp, int i) {
        double t = i * 1e-3;
        return s.set(stamp, 0.05 * Math.sin(t), 0.05 * Math.cos(t) - 0.05, 0.02 * Math.sin(2 * t), 0, 0, 0, 1)
                .setInputs(0, 0.2, 0, true);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** Device → retargeting (with the arm's own IK) → the simulated arm's send. Control thread. */
    private static final class Pipeline {
        final ProgrammaticDevice device = new ProgrammaticDevice("bench", NanoClock.SYSTEM);
        final ArmRetargeter retargeter;
        final SimArm arm;
        final ArmCommand command = new ArmCommand(6);
        final ArmCommand applied = new ArmCommand(6);
        final Matrix4d scratch = new Matrix4d();

        Pipeline(SimArm arm) {
            this.arm = arm;
            device.connect();
            retargeter = new ArmRetargeter(device, ArmRetargetConfig.defaults(0).withClutchButton(-1),
                    new DlsJointSolver(new DlsIkSolver(arm.chain(), IkConfig.defaults())), 6);
            ArmState state = new ArmState(6);
            arm.read(state);
            retargeter.reset(state.tcp().getTranslation(new Vector3d()),
                    state.tcp().getNormalizedRotation(new Quaterniond()), state.positions());
        }

        /** One control tick; returns the capture stamp of the event sent, or Long.MIN_VALUE if none. */
        long step(long now) {
            ArmTarget t = retargeter.tick(now);
            if (t.mode() != ArmTarget.Mode.FOLLOW) {
                return Long.MIN_VALUE;
            }
            arm.send(t.writeTo(command, scratch), applied);
            return t.deviceCaptureNanos();
        }
    }
}
