package studio.tandem.teleop.retarget;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;

/**
 * Measures device event → arm command latency in process: a device thread publishes pose samples
 * (stamped at capture) through the same latest-value slot as a real device, and the calling thread,
 * acting as the control loop, runs the full retargeting pipeline (watchdog, clutch, filter,
 * workspace, limits, UR5e DLS IK) and stamps the moment the command for that sample is ready. Used by
 * {@code ./tandem bench teleop}; not a unit test.
 */
public final class TeleopLatencyBench {

    /**
     * @param p50Ms median latency, ms
     * @param p99Ms 99th percentile, ms
     * @param maxMs worst case, ms
     * @param events events measured
     * @param superseded events overwritten by a newer one before the loop saw them (latest-value semantics)
     */
    public record Result(double p50Ms, double p99Ms, double maxMs, int events, long superseded) {
    }

    private TeleopLatencyBench() {
    }

    /**
     * Runs the measurement.
     *
     * @param events number of device events to measure (after 10 % warm-up)
     * @param eventPeriodNanos time between device events (e.g. 1_000_000 for 1 kHz)
     * @param withIk whether the UR5e IK runs in the pipeline
     */
    public static Result run(int events, long eventPeriodNanos, boolean withIk) {
        measure(Math.max(2000, events / 2), eventPeriodNanos, withIk); // JIT warm-up, discarded
        return measure(events, eventPeriodNanos, withIk);
    }

    private static Result measure(int events, long eventPeriodNanos, boolean withIk) {
        NanoClock clock = NanoClock.SYSTEM;
        ProgrammaticDevice device = new ProgrammaticDevice("bench", clock);
        device.connect();
        DhChain ur5e = DhChain.ur5e();
        double[] home = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
        Matrix4d tcp = new ForwardKinematics(ur5e).tcp(home, new Matrix4d());
        ArmRetargeter pipeline = new ArmRetargeter(device, ArmRetargetConfig.defaults(0).withClutchButton(-1),
                withIk ? new DlsJointSolver(new DlsIkSolver(ur5e, IkConfig.defaults())) : null, 6);
        pipeline.reset(tcp.getTranslation(new Vector3d()), tcp.getNormalizedRotation(new Quaterniond()), home);
        int warmup = events / 10;
        int total = events + warmup;
        Thread producer = new Thread(() -> produce(device, clock, total, eventPeriodNanos), "bench-device");
        producer.setDaemon(true);
        long[] lat = new long[total];
        int seen = 0;
        long lastCapture = Long.MIN_VALUE;
        long superseded = 0;
        long lastSeq = 0;
        PoseSample probe = new PoseSample();
        producer.start();
        long deadline = clock.nanoTime() + total * eventPeriodNanos * 4 + 5_000_000_000L;
        while (seen < total && clock.nanoTime() < deadline) {
            ArmTarget c = pipeline.tick(clock.nanoTime());
            long capture = c.deviceCaptureNanos();
            if (capture != lastCapture && c.mode() == ArmTarget.Mode.FOLLOW) {
                lat[seen++] = clock.nanoTime() - capture;
                lastCapture = capture;
                device.readPose(0, probe);
                superseded += Math.max(0, probe.sequence() - lastSeq - 1);
                lastSeq = probe.sequence();
            }
        }
        long[] measured = Arrays.copyOfRange(lat, Math.min(warmup, seen), seen);
        Arrays.sort(measured);
        return new Result(pct(measured, 0.5), pct(measured, 0.99), measured.length == 0 ? Double.NaN
                : measured[measured.length - 1] / 1e6, measured.length, superseded);
    }

    /**
     * The pipeline's own cost: publish then tick on one thread (no hand-off, no scheduling), after a
     * warm-up. Returns p50/p99/max of publish → command in ms.
     */
    public static Result computeOnly(int events, boolean withIk) {
        NanoClock clock = NanoClock.SYSTEM;
        ProgrammaticDevice device = new ProgrammaticDevice("bench", clock);
        device.connect();
        DhChain ur5e = DhChain.ur5e();
        double[] home = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
        Matrix4d tcp = new ForwardKinematics(ur5e).tcp(home, new Matrix4d());
        ArmRetargeter pipeline = new ArmRetargeter(device, ArmRetargetConfig.defaults(0).withClutchButton(-1),
                withIk ? new DlsJointSolver(new DlsIkSolver(ur5e, IkConfig.defaults())) : null, 6);
        pipeline.reset(tcp.getTranslation(new Vector3d()), tcp.getNormalizedRotation(new Quaterniond()), home);
        PoseSample s = new PoseSample();
        int warmup = Math.max(20_000, events);
        long[] lat = new long[events];
        for (int i = 0; i < warmup + events; i++) {
            double t = i * 1e-3;
            long t0 = clock.nanoTime();
            s.set(t0, 0.05 * Math.sin(t), 0.05 * Math.cos(t) - 0.05, 0.02 * Math.sin(2 * t), 0, 0, 0, 1)
                    .setInputs(0, 0.2, 0, true);
            device.publish(0, s);
            pipeline.tick(t0);
            long dt = clock.nanoTime() - t0;
            if (i >= warmup) {
                lat[i - warmup] = dt;
            }
        }
        Arrays.sort(lat);
        return new Result(pct(lat, 0.5), pct(lat, 0.99), lat[lat.length - 1] / 1e6, events, 0);
    }

    private static void produce(ProgrammaticDevice device, NanoClock clock, int n, long period) {
        PoseSample s = new PoseSample();
        long next = clock.nanoTime();
        for (int i = 0; i < n; i++) {
            next += period;
            while (clock.nanoTime() < next) {
                LockSupport.parkNanos(Math.max(1, (next - clock.nanoTime()) / 2));
            }
            double t = i * 1e-3;
            s.set(clock.nanoTime(), 0.05 * Math.sin(t), 0.05 * Math.cos(t) - 0.05, 0.02 * Math.sin(2 * t), 0, 0, 0, 1)
                    .setInputs(0, 0.2, 0, true);
            device.publish(0, s);
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** Prints one JSON line: {@code {"p50_ms":..,"p99_event_to_command_ms":..,"max_ms":..,"events":..}}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Result c = computeOnly(n, true);
        Result r = run(n, 1_000_000L, true);
        System.out.printf(java.util.Locale.ROOT,
                "{\"p50_ms\":%.4f,\"p99_event_to_command_ms\":%.4f,\"max_ms\":%.4f,\"events\":%d,\"superseded\":%d,"
                        + "\"pipeline_p99_ms\":%.4f}%n",
                r.p50Ms(), r.p99Ms(), r.maxMs(), r.events(), r.superseded(), c.p99Ms());
    }
}
