package studio.tandem.recorder.align;

import java.util.List;

/**
 * One vector stream resampled to the dataset ticks: {@code rows × width} values, row-major.
 *
 * @param values      row-major values; a missing row holds the nearest sample there is (zeros if the
 *                    stream never produced one), so the dataset stays numeric
 * @param width       values per row
 * @param missing     rows for which no sample satisfied the staleness limit (counted, never silent)
 * @param missingRows the missing rows as {@code [from, to)} ranges, for the episode's quality record
 * @param skew        measured capture skew over the rows that had a sample
 */
public record AlignedColumn(double[] values, int width, int missing, List<int[]> missingRows, SkewStats.Skew skew) {

    public int rows() {
        return values.length / width;
    }

    public double get(int row, int element) {
        return values[row * width + element];
    }
}
