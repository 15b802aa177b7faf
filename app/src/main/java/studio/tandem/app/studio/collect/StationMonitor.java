package studio.tandem.app.studio.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.station.OperatorDeviceSetup;
import studio.tandem.app.studio.session.StationOperator;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.PeriodStats;
import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.sim.SimStation;

/**
 * Turns a session's counters into {@link DeviceStatus} lines, one per device of the station (arm,
 * hand or gripper, cameras), per operator device (the keyboard and the station file's device) and the
 * loop, with rates measured between two calls (the view model calls it once per second). Arm and
 * hand rates are the new states the control loop read per second. FX thread; allocates only per
 * call, not per sample.
 */
final class StationMonitor {
    private long lastNanos = -1;
    private long[] lastFrames = new long[0];
    private long lastLate;
    private long[] lastCameraLate = new long[0];
    private long lastArm;
    private long lastHand;
    private double dt;

    List<DeviceStatus> sample(StationSession s, long nowNanos) {
        dt = lastNanos < 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        List<DeviceStatus> out = new ArrayList<>();
        out.add(arm(s));
        s.station().hand().ifPresent(h -> out.add(hand(s, h)));
        cameras(s, out);
        operators(s, out);
        out.add(loop(s.loop(), s.runner().skippedTicks(), s.faultHeldTicks()));
        return out;
    }

    private DeviceStatus arm(StationSession s) {
        Device arm = s.station().arm();
        long n = s.armStates();
        String rate = rate(n - lastArm, "Hz state");
        lastArm = n;
        if (s.simulated()) {
            SimStation engine = s.sim().engine();
            String fault = engine.fault();
            boolean ok = fault == null || fault.isEmpty();
            return new DeviceStatus(arm.id(), "arm · sim UR5e", arm.state().readable(),
                    String.format(Locale.ROOT, "%.0f Hz physics", engine.measuredRateHz()), ok ? "ok" : fault, ok);
        }
        StationConfig.ArmConfig c = s.config().arm();
        return device(arm, "arm · " + c.type() + (c.address().isEmpty() ? "" : " @ " + c.address()), rate);
    }

    private DeviceStatus hand(StationSession s, Hand hand) {
        long n = s.handStates();
        String rate = rate(n - lastHand, "Hz state");
        lastHand = n;
        String type = s.simulated() ? "sim" : s.config().hand().type();
        return device(hand, hand.id() + " · " + type, rate);
    }

    private void cameras(StationSession s, List<DeviceStatus> out) {
        List<Camera> cams = s.station().cameras();
        if (lastFrames.length != cams.size()) {
            lastFrames = new long[cams.size()];
            lastCameraLate = new long[cams.size()];
        }
        for (int i = 0; i < cams.size(); i++) {
            Camera c = cams.get(i);
            long n = c.framesCaptured();
            String rate = rate(n - lastFrames[i], "fps");
            lastFrames[i] = n;
            long late = c.framesLate() - lastCameraLate[i];
            lastCameraLate[i] = c.framesLate();
            boolean ok = c.faultReason().isEmpty() && late == 0;
            String health = !c.faultReason().isEmpty() ? c.faultReason()
                    : late == 0 ? "ok" : late + " late frames in the last second";
            out.add(new DeviceStatus(c.id(), "camera · " + c.width() + "×" + c.height(), c.state().readable(), rate,
                    health, ok));
        }
        if (cams.isEmpty() && !s.cameraProblem().isEmpty()) {
            out.add(new DeviceStatus("cameras", "camera", false, "—", s.cameraProblem(), false));
        }
    }

    /** The keyboard (always on) and the station file's operator device, saying which one drives. */
    private static void operators(StationSession s, List<DeviceStatus> out) {
        StationOperator op = s.operator();
        String mode = "arm " + op.armMode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        OperatorDeviceSetup primary = op.primary();
        boolean keysDrive = primary == null || !op.primaryDriving();
        out.add(new DeviceStatus(op.device().id(), "operator · keyboard", op.device().state().readable(), "250 Hz",
                keysDrive ? "drives · " + mode : "e-stop, clutch and gripper keys", !keysDrive
                        || op.armMode() != studio.tandem.teleop.retarget.ArmTarget.Mode.HOLD));
        if (primary != null) {
            String problem = primary.problem();
            if (primary.device().state() == DeviceState.DISCONNECTED && !s.deviceProblem().isEmpty()) {
                problem = s.deviceProblem(); // a driver that stays DISCONNECTED: the last connect error says why
            }
            boolean on = problem.isEmpty();
            out.add(new DeviceStatus(primary.device().id(), "operator · " + primary.type(), on,
                    on ? "live" : "—", on ? (op.primaryDriving() ? "drives · " + mode : "connected")
                    : problem + " — the keyboard drives", on));
        }
    }

    private String rate(long count, String unit) {
        return dt <= 0 ? "…" : String.format(Locale.ROOT, "%.1f %s", count / dt, unit);
    }

    private static DeviceStatus device(Device d, String kind, String rate) {
        boolean ok = d.faultReason().isEmpty() && d.state().readable();
        String health = !d.faultReason().isEmpty() ? d.faultReason() : ok ? "ok" : d.state().name().toLowerCase(Locale.ROOT);
        return new DeviceStatus(d.id(), kind, d.state().readable(), rate, health, ok);
    }

    private DeviceStatus loop(ControlLoop loop, long skipped, long faultHeld) {
        PeriodStats p = loop.periodStats();
        long late = p.lateTicks();
        long newLate = late - lastLate;
        lastLate = late;
        return new DeviceStatus("control loop", "shared autonomy", true,
                String.format(Locale.ROOT, "%.0f Hz", loop.config().rateHz()),
                (newLate == 0 && skipped == 0 ? "ok" : newLate + " late ticks/s, " + skipped + " skipped")
                        + (faultHeld == 0 ? "" : ", " + faultHeld + " device reads/commands held (FAULT)"),
                newLate == 0 && faultHeld == 0);
    }

    /** One line of loop timing: rate and period-error percentiles (ms). */
    static String timing(ControlLoop loop) {
        PeriodStats p = loop.periodStats();
        return String.format(Locale.ROOT, "loop %.0f Hz · p99 %.2f ms · max %.2f ms", loop.config().rateHz(),
                p.percentileMillis(0.99), p.maxMillis());
    }
}
