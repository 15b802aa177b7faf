package studio.tandem.teleop.testing;

import java.lang.management.ManagementFactory;

/** Measures what the calling thread allocates, for hot-path tests. */
public final class Allocations {
    private Allocations() {
    }

    /**
     * Runs {@code body} {@code warmup} times, then {@code n} times, and returns the bytes the calling thread
     * allocated during the measured runs. Steady state of an allocation-free path is 0; the JVM may charge a
     * few hundred bytes of its own (JIT, class loading), so tests compare with a small bound.
     */
    public static long bytes(Runnable body, int warmup, int n) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            body.run();
        }
        return mx.getCurrentThreadAllocatedBytes() - before;
    }
}
