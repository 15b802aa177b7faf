package studio.tandem.recorder.align;

/**
 * One vector stream resampled to the dataset ticks: {@code rows × width} values, row-major.
 *
 * @param values  row-major values; rows whose sample was missing hold NaN
 * @param width   values per row
 * @param missing rows for which no sample satisfied the staleness limit (filled with NaN, counted)
 * @param skew    measured capture skew over the rows that had a sample
 */
public record AlignedColumn(double[] values, int width, int missing, SkewStats.Skew skew) {

    public int rows() {
        return values.length / width;
    }

    public double get(int row, int element) {
        return values[row * width + element];
    }
}
