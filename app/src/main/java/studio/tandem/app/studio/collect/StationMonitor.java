package studio.tandem.app.studio.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.PeriodStats;
import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.sim.SimStation;

/**
 * Turns a session's counters into {@link DeviceStatus} lines, with rates measured between two calls
 * (the view model calls it once per second). FX thread; allocates only per call, not per sample.
 */
final class StationMonitor {
    private long lastNanos = -1;
    private long[] lastFrames = new long[0];
    private long lastLate;
    private long[] lastCameraLate = new long[0];

    List<DeviceStatus> sample(StationSession s, long nowNanos) {
        List<Camera> cams = s.sim().station().cameras();
        if (lastFrames.length != cams.size()) {
            lastFrames = new long[cams.size()];
            lastCameraLate = new long[cams.size()];
        }
        double dt = lastNanos < 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        List<DeviceStatus> out = new ArrayList<>();
        SimStation engine = s.sim().engine();
        String fault = engine.fault();
        Device arm = s.sim().arm();
        out.add(new DeviceStatus(arm.id(), "arm · sim UR5e", arm.state().readable(),
                String.format(Locale.ROOT, "%.0f Hz physics", engine.measuredRateHz()),
                fault == null || fault.isEmpty() ? "ok" : fault, fault == null || fault.isEmpty()));
        Device hand = s.sim().hand();
        out.add(device(hand, "hand · sim", "via the loop"));
        for (int i = 0; i < cams.size(); i++) {
            Camera c = cams.get(i);
            long n = c.framesCaptured();
            String rate = dt <= 0 ? "…" : String.format(Locale.ROOT, "%.1f fps", (n - lastFrames[i]) / dt);
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
        var kb = s.operator();
        out.add(new DeviceStatus(kb.device().id(), "operator · keyboard", kb.device().state().readable(),
                "250 Hz", "arm " + kb.armMode().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                kb.armMode() != studio.tandem.teleop.retarget.ArmTarget.Mode.HOLD));
        out.add(loop(s.loop(), s.runner().skippedTicks()));
        return out;
    }

    private static DeviceStatus device(Device d, String kind, String rate) {
        boolean ok = d.faultReason().isEmpty();
        return new DeviceStatus(d.id(), kind, d.state().readable(), rate, ok ? "ok" : d.faultReason(), ok);
    }

    private DeviceStatus loop(ControlLoop loop, long skipped) {
        PeriodStats p = loop.periodStats();
        long late = p.lateTicks();
        long newLate = late - lastLate;
        lastLate = late;
        return new DeviceStatus("control loop", "shared autonomy", true,
                String.format(Locale.ROOT, "%.0f Hz", loop.config().rateHz()),
                newLate == 0 && skipped == 0 ? "ok" : newLate + " late ticks/s, " + skipped + " skipped",
                newLate == 0);
    }

    /** One line of loop timing: rate and period-error percentiles (ms). */
    static String timing(ControlLoop loop) {
        PeriodStats p = loop.periodStats();
        return String.format(Locale.ROOT, "loop %.0f Hz · p99 %.2f ms · max %.2f ms", loop.config().rateHz(),
                p.percentileMillis(0.99), p.maxMillis());
    }
}
