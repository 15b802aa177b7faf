package studio.tandem.autonomy.eval;

import java.util.Arrays;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.teleop.device.DeviceException;

/**
 * Calibrates the failure-score threshold from data: runs seeded shared-mode episodes in the
 * simulated station with the policy, pools the per-tick failure scores (chunk disagreement, or the
 * model's failure output) of the episodes that succeeded without an intervention (the policy did its
 * part alone), and takes a high quantile of them, so that a
 * score the policy reaches on fewer than {@code 1 − quantile} of its good ticks calls the human.
 * Caller's thread.
 */
public final class FailureCalibration {
    /** Quantile of the successful episodes' scores used as threshold. */
    public static final double DEFAULT_QUANTILE = 0.99;

    /**
     * @param threshold the calibrated threshold (score units of the policy)
     * @param scores finite scores pooled from successful episodes
     * @param successes episodes that succeeded without an intervention, out of {@code episodes}
     */
    public record Result(double threshold, int scores, int successes, int episodes) {
    }

    private FailureCalibration() {
    }

    /**
     * @throws IllegalArgumentException when no episode succeeded or no tick had a score (nothing to
     *                                  calibrate from)
     */
    public static Result calibrate(PolicyRuntime rt, int episodes, long seed, double quantile) throws DeviceException {
        return calibrate(rt, Mode.SHARED, episodes, seed, quantile);
    }

    /**
     * Calibrates in {@code mode} (AUTONOMOUS for a policy that drives the arm too).
     *
     * @throws IllegalArgumentException when no episode succeeded or no tick had a score
     */
    public static Result calibrate(PolicyRuntime rt, Mode mode, int episodes, long seed, double quantile)
            throws DeviceException {
        if (episodes < 1 || !(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("failure calibration: needs >= 1 episode and a quantile in (0, 1)");
        }
        double[] pool = new double[1 << 12];
        int n = 0;
        int successes = 0;
        Scores sink = new Scores();
        WristCameras.Choice camera = WristCameras.probe();
        for (int e = 0; e < episodes; e++) {
            sink.count = 0;
            EpisodeOutcome o = SimEpisode.run(seed + e, mode, SimEpisode.of(rt), sink, camera);
            if (!o.success() || o.interventions() > 0) {
                continue;
            }
            successes++;
            if (n + sink.count > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, n + sink.count));
            }
            System.arraycopy(sink.values, 0, pool, n, sink.count);
            n += sink.count;
        }
        if (successes == 0 || n == 0) {
            throw new IllegalArgumentException("failure calibration: no episode succeeded without an intervention in "
                    + episodes + " " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + "-mode episodes; the threshold cannot be calibrated");
        }
        return new Result(quantile(pool, n, quantile), n, successes, episodes);
    }

    /** The {@code q} quantile (linear interpolation) of {@code values[0..n)}; sorts that range. */
    static double quantile(double[] values, int n, double q) {
        Arrays.sort(values, 0, n);
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return values[lo] + (pos - lo) * (values[hi] - values[lo]);
    }

    /** Finite failure scores of one episode's ticks. */
    private static final class Scores implements SimEpisode.TickSink {
        double[] values = new double[1 << 12];
        int count;

        @Override
        public void onTick(TickData tick, int armDof, studio.tandem.autonomy.policy.FrameSource camera, String instruction) {
            double s = tick.failureScore();
            if (!Double.isFinite(s)) {
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = s;
        }
    }
}
