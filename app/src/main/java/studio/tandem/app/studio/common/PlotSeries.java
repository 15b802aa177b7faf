package studio.tandem.app.studio.common;

import java.util.List;

/**
 * What a {@link PlotCanvas} draws: channels over frames, shaded spans, an optional threshold.
 * Immutable once handed over (the arrays are not copied: the producer must not touch them again).
 *
 * @param title the feature plotted, e.g. {@code observation.state}
 * @param names one name per channel (the feature's {@code names})
 * @param values per channel, one value per frame, all the same length
 * @param spans shaded stretches (interventions, corrections, trimmed-away frames)
 * @param threshold a horizontal line (e.g. the failure-score threshold), NaN for none
 */
public record PlotSeries(String title, List<String> names, double[][] values, List<Span> spans, double threshold) {

    public static final PlotSeries EMPTY = new PlotSeries("", List.of(), new double[0][], List.of(), Double.NaN);

    public PlotSeries {
        names = List.copyOf(names);
        spans = List.copyOf(spans);
        if (names.size() != values.length) {
            throw new IllegalArgumentException(title + ": " + names.size() + " names for " + values.length + " channels");
        }
        for (double[] v : values) {
            if (v.length != values[0].length) {
                throw new IllegalArgumentException(title + ": channels of different lengths");
            }
        }
    }

    /** Frames per channel. */
    public int frames() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The smallest and largest finite value over every channel and the threshold, {NaN, NaN} if none. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] ch : values) {
            for (double v : ch) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (Double.isFinite(threshold)) {
            lo = Math.min(lo, threshold);
            hi = Math.max(hi, threshold);
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }
}
