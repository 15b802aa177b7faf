package studio.tandem.autonomy.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import studio.tandem.autonomy.policy.ImageFrame;

/**
 * Synthetic demonstrations for the hand policy until recorded ones are at hand: a wrist image with
 * one coloured object of random size and position on a textured table, a hand partly closed, a
 * pinch or power-grasp instruction, tactile contact when the fingers touch, and the expert's chunk:
 * an exponential approach to the grasp posture ({@link GraspPostures}) over the horizon.
 */
public final class SyntheticDemos {
    static final String[] PINCH_TEXTS = {"pinch the object", "pinch grasp", "pick it up with a pinch"};
    static final String[] POWER_TEXTS = {"power grasp", "use a power grasp", "grab it with a power grasp"};

    private SyntheticDemos() {
    }

    public static List<DemoStep> generate(int count, int handDof, int tactileDim, int horizon, long seed) {
        Random r = new Random(seed);
        List<DemoStep> out = new ArrayList<>(count);
        double[] goal = new double[handDof];
        for (int n = 0; n < count; n++) {
            double size = 0.15 + 0.6 * r.nextDouble();
            boolean power = r.nextBoolean();
            String text = power ? POWER_TEXTS[r.nextInt(POWER_TEXTS.length)] : PINCH_TEXTS[r.nextInt(PINCH_TEXTS.length)];
            ImageFrame frame = drawScene(r, size, 64, 48);
            GraspPostures.closed(GraspPostures.grasp(text), size, handDof, goal);
            double progress = r.nextDouble();
            double[] state = new double[handDof];
            for (int j = 0; j < handDof; j++) {
                state[j] = goal[j] * progress + 0.02 * r.nextGaussian();
            }
            double[] tactile = new double[tactileDim];
            for (int k = 0; k < tactileDim; k++) {
                tactile[k] = progress > 0.8 ? (progress - 0.8) * 5 * (1 + 0.1 * r.nextGaussian()) : 0;
            }
            double[] chunk = new double[horizon * handDof];
            for (int i = 0; i < horizon; i++) {
                double a = 1 - Math.exp(-(i + 1) / 4.0);
                for (int j = 0; j < handDof; j++) {
                    chunk[i * handDof + j] = state[j] + (goal[j] - state[j]) * a;
                }
            }
            out.add(new DemoStep(frame, state, tactile, text, chunk));
        }
        return out;
    }

    /** A table of random grey level with an object of relative width {@code size} at a random place. */
    static ImageFrame drawScene(Random r, double size, int w, int h) {
        ImageFrame f = new ImageFrame(w, h);
        int table = 90 + r.nextInt(60);
        int ow = Math.max(2, (int) (size * w));
        int oh = Math.max(2, (int) (size * h));
        int ox = r.nextInt(Math.max(1, w - ow));
        int oy = r.nextInt(Math.max(1, h - oh));
        int cr = 150 + r.nextInt(100);
        int cg = r.nextInt(80);
        int cb = r.nextInt(80);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= ox && x < ox + ow && y >= oy && y < oy + oh;
                int noise = r.nextInt(10);
                if (in) {
                    f.set(x, y, cr, cg, cb);
                } else {
                    f.set(x, y, table + noise, table + noise, table + noise);
                }
            }
        }
        return f;
    }
}
