package studio.tandem.autonomy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.teleop.device.DeviceException;

/**
 * Demonstrations recorded in the simulated station: scripted teleoperated grasp episodes run through
 * the control loop, sampled at the action rate; each sample keeps the wrist frame, hand state,
 * tactile and instruction, and its chunk is the hand targets actually executed over the next
 * {@code horizon} samples. Only successful episodes are kept.
 */
public final class SimDemonstrations {
    private SimDemonstrations() {
    }

    /** Action rate of the collected demonstrations (every 4th tick of the 100 Hz loop). */
    public static final double ACTION_FPS = 25;

    public static List<DemoStep> collect(int episodes, long seed, int horizon, IntConsumer onEpisode)
            throws DeviceException {
        List<DemoStep> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            Collector c = new Collector();
            EpisodeOutcome o = SimEpisode.run(seed + e, Mode.TELEOP, null, c);
            if (o.success()) {
                c.chunks(horizon, out);
            }
            onEpisode.accept(e);
        }
        return out;
    }

    private static final class Collector implements SimEpisode.TickSink {
        final List<ImageFrame> frames = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();
        final List<double[]> tactile = new ArrayList<>();
        final List<double[]> executed = new ArrayList<>();
        String instruction;
        long ticks;
        double[] previous;

        @Override
        public void onTick(TickData t, int arm, SchematicWristCamera camera, String text) {
            double[] commanded = previous == null ? java.util.Arrays.copyOfRange(t.jointState(), arm,
                    t.jointState().length) : previous;
            previous = java.util.Arrays.copyOfRange(t.executed(), arm, t.executed().length);
            if (ticks++ % Math.round(SimEpisode.LOOP_HZ / ACTION_FPS) != 0) {
                return;
            }
            ImageFrame f = new ImageFrame(1, 1);
            camera.latest("observation.images.wrist", f);
            frames.add(f);
            states.add(commanded);
            tactile.add(t.tactile().clone());
            executed.add(java.util.Arrays.copyOfRange(t.executed(), arm, t.executed().length));
            instruction = text;
        }

        void chunks(int horizon, List<DemoStep> out) {
            int n = frames.size();
            int dof = executed.get(0).length;
            for (int k = 0; k < n; k++) {
                double[] chunk = new double[horizon * dof];
                for (int i = 0; i < horizon; i++) {
                    System.arraycopy(executed.get(Math.min(k + i, n - 1)), 0, chunk, i * dof, dof);
                }
                out.add(new DemoStep(frames.get(k), states.get(k), tactile.get(k), instruction, chunk));
            }
        }
    }
}
