package studio.tandem.autonomy.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.teleop.device.DeviceException;

/**
 * Demonstrations recorded in the simulated station: scripted teleoperated grasp episodes run through
 * the control loop, sampled at the action rate; each sample keeps the wrist frame, the command of the
 * policy's joints on the previous tick (the hand's, or the arm's and the hand's), tactile and the
 * instruction, and its chunk is the targets actually executed over the next {@code horizon} samples
 * (columns declared as deltas minus the sample's previous command). Only successful episodes are
 * kept. Demonstrations for a policy that drives the arm inject {@link ArmNoise} into two of every three
 * episodes (DART) while the script reaches and descends (it fades out before the hand closes): the arm
 * executes the script's targets plus the noise, and the labels are the script's own targets, so the
 * policy learns to come back to the path. Caller's thread.
 */
public final class SimDemonstrations {
    private SimDemonstrations() {
    }

    /** Action rate of the collected demonstrations (every 4th tick of the 100 Hz loop). */
    public static final double ACTION_FPS = 25;
    /** Arm noise of the noisy demonstrations: stationary std (rad) and correlation time (s). */
    static final double NOISE_STD = 0.02;
    static final double NOISE_TAU = 0.4;

    /** Hand-policy demonstrations: absolute hand targets. */
    public static List<DemoStep> collect(int episodes, long seed, int horizon, IntConsumer onEpisode)
            throws DeviceException {
        return collect(episodes, seed, horizon, false, null, onEpisode);
    }

    /** Demonstrations for {@code spec}'s joint groups and action representation. */
    public static List<DemoStep> collect(int episodes, long seed, PolicySpec spec, IntConsumer onEpisode)
            throws DeviceException {
        return collect(episodes, seed, spec.shape().horizon(), spec.blocks().get(0).group().equals("arm"),
                spec.deltaColumns(), onEpisode);
    }

    private static List<DemoStep> collect(int episodes, long seed, int horizon, boolean withArm, boolean[] delta,
            IntConsumer onEpisode) throws DeviceException {
        List<DemoStep> out = new ArrayList<>();
        WristCameras.Choice camera = WristCameras.probe();
        for (int e = 0; e < episodes; e++) {
            ArmNoise noise = withArm && e % 3 != 0 ? new ArmNoise(NOISE_STD, NOISE_TAU, seed + e) : null;
            Collector c = new Collector(withArm, noise);
            EpisodeOutcome o = SimEpisode.run(seed + e, Mode.TELEOP, null, c, camera, noise);
            if (o.success()) {
                c.chunks(horizon, delta, out);
            }
            onEpisode.accept(e);
        }
        return out;
    }

    private static final class Collector implements SimEpisode.TickSink {
        final boolean withArm;
        final ArmNoise noise;
        final List<ImageFrame> frames = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();
        final List<double[]> tactile = new ArrayList<>();
        final List<double[]> executed = new ArrayList<>();
        String instruction;
        long ticks;
        double[] previous;

        Collector(boolean withArm, ArmNoise noise) {
            this.withArm = withArm;
            this.noise = noise;
        }

        @Override
        public void onTick(TickData t, int arm, FrameSource camera, String text) {
            int from = withArm ? 0 : arm;
            double[] commanded = previous == null ? Arrays.copyOfRange(t.jointState(), from,
                    t.jointState().length) : previous;
            previous = Arrays.copyOfRange(t.executed(), from, t.executed().length);
            double[] label = previous;
            if (noise != null) {
                label = previous.clone();
                for (int j = 0; j < arm; j++) {
                    label[j] = t.operatorCommand()[j] - noise.offset(j);
                }
            }
            if (ticks++ % Math.round(SimEpisode.LOOP_HZ / ACTION_FPS) != 0) {
                return;
            }
            ImageFrame f = new ImageFrame(1, 1);
            camera.latest("observation.images.wrist", f);
            frames.add(f);
            states.add(commanded);
            tactile.add(t.tactile().clone());
            executed.add(label);
            instruction = text;
        }

        void chunks(int horizon, boolean[] delta, List<DemoStep> out) {
            int n = frames.size();
            int dof = executed.get(0).length;
            for (int k = 0; k < n; k++) {
                double[] chunk = new double[horizon * dof];
                double[] state = states.get(k);
                for (int i = 0; i < horizon; i++) {
                    double[] a = executed.get(Math.min(k + i, n - 1));
                    for (int d = 0; d < dof; d++) {
                        chunk[i * dof + d] = delta != null && delta[d] ? a[d] - state[d] : a[d];
                    }
                }
                out.add(new DemoStep(frames.get(k), state, tactile.get(k), instruction, chunk));
            }
        }
    }
}
