package studio.tandem.teleop.sim;

import java.lang.invoke.VarHandle;

/**
 * A latest-value slot of doubles with one writer and any number of readers (a sequence lock): the
 * writer never waits; a reader copies and retries only if the writer published meanwhile. No
 * allocation on either side.
 */
public final class SeqLockBuffer {
    private final double[] data;
    private volatile long version;

    public SeqLockBuffer(int size) {
        data = new double[size];
    }

    public int size() {
        return data.length;
    }

    /** Publishes {@code src} (length ≥ size). Single writer thread only. */
    public void write(double[] src) {
        long v = version;
        version = v + 1;
        VarHandle.storeStoreFence();
        System.arraycopy(src, 0, data, 0, data.length);
        version = v + 2;
    }

    /** Copies the latest published value into {@code dst}; returns its version (0 = never written). Any thread. */
    public long read(double[] dst) {
        while (true) {
            long v1 = version;
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(data, 0, dst, 0, data.length);
            VarHandle.loadLoadFence();
            if (version == v1) {
                return v1 >>> 1;
            }
        }
    }

    /** Number of values published so far. Any thread. */
    public long writes() {
        return version >>> 1;
    }
}
