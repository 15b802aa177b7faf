package studio.tandem.recorder.synthetic;

import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.VectorInput;

/**
 * A vector producer thread without hardware: at its own rate it publishes smooth sine values (element
 * {@code k} is {@code sin(2π·0.5·t + k)} in the feature's units) stamped with the capture time. Runs on
 * its own thread; allocation-free per sample.
 */
public final class SyntheticVector implements Runnable {
    private final VectorInput input;
    private final NanoClock clock;
    private final long periodNanos;
    private final double[] values;
    private volatile boolean running = true;

    public SyntheticVector(VectorInput input, double hz, NanoClock clock) {
        this.input = input;
        this.clock = clock;
        this.periodNanos = Math.round(1e9 / hz);
        this.values = new double[input.feature().length()];
    }

    @Override
    public void run() {
        long next = clock.nanoTime();
        while (running) {
            long wait = next - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long t = clock.nanoTime();
            double s = t / 1e9;
            for (int k = 0; k < values.length; k++) {
                values[k] = Math.sin(Math.PI * s + k);
            }
            input.offer(t, values);
            next += periodNanos;
            if (clock.nanoTime() - next > 10 * periodNanos) {
                next = clock.nanoTime();
            }
        }
    }

    public void stop() {
        running = false;
    }
}
