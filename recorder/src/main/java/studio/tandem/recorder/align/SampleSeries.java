package studio.tandem.recorder.align;

import java.util.Arrays;

/**
 * The raw samples of one vector stream during one episode, in capture order: parallel growable arrays
 * of capture times (ns) and values. Owned by one thread (the recorder's writer thread, or recovery).
 * Growth doubles the arrays, so appends are amortised allocation-free.
 */
public final class SampleSeries {
    private final int width;
    private long[] times;
    private double[] values;
    private int size;

    /**
     * @param width            values per sample
     * @param expectedSamples  initial capacity (e.g. rate × expected episode seconds)
     */
    public SampleSeries(int width, int expectedSamples) {
        if (width < 1) {
            throw new IllegalArgumentException("series width must be >= 1, was " + width);
        }
        this.width = width;
        int cap = Math.max(16, expectedSamples);
        times = new long[cap];
        values = new double[cap * width];
    }

    /**
     * Appends a sample; a sample not later than the previous one replaces nothing and is ignored
     * (returns false) so the series stays strictly increasing in time.
     */
    public boolean add(long captureNanos, double[] src, int offset) {
        if (size > 0 && captureNanos <= times[size - 1]) {
            return false;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2 * width);
        }
        times[size] = captureNanos;
        System.arraycopy(src, offset, values, size * width, width);
        size++;
        return true;
    }

    /** Forgets every sample, keeping the capacity. */
    public void clear() {
        size = 0;
    }

    /** Keeps only the last sample (if any): carried into a new episode as its "latest before start". */
    public void keepLast() {
        if (size > 1) {
            times[0] = times[size - 1];
            System.arraycopy(values, (size - 1) * width, values, 0, width);
            size = 1;
        }
    }

    public int size() {
        return size;
    }

    public int width() {
        return width;
    }

    public long time(int i) {
        return times[i];
    }

    public double value(int i, int element) {
        return values[i * width + element];
    }

    /** Index of the last sample with time ≤ t, or -1. Binary search. */
    public int latestAtOrBefore(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Copies sample {@code i} into {@code dst} at {@code offset}. */
    public void copy(int i, double[] dst, int offset) {
        System.arraycopy(values, i * width, dst, offset, width);
    }
}
