package studio.tandem.recorder.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorAlignerTest {
    private static final long MS = 1_000_000L;

    /** Samples at the given times (ms) whose value equals the time in ms. */
    private static SampleSeries series(long... ms) {
        SampleSeries s = new SampleSeries(1, 4);
        for (long m : ms) {
            s.add(m * MS, new double[] {m}, 0);
        }
        return s;
    }

    @Test
    void latestBeforeNeverLooksAhead() {
        SampleSeries s = series(0, 9, 21, 30, 41);
        AlignedColumn c = VectorAligner.align(s, 0, 10 * MS, 5, SamplingRule.LATEST_BEFORE, 15 * MS);
        assertThat(c.values()).containsExactly(0, 9, 9, 30, 30);
        assertThat(c.missing()).isZero();
        assertThat(c.skew().count()).isEqualTo(5);
        // skews: 0, -1, -11, 0, -10 ms
        assertThat(c.skew().maxAbsMs()).isEqualTo(11.0, within(1e-9));
        assertThat(c.skew().meanMs()).isEqualTo(-22.0 / 5, within(1e-9));
    }

    @Test
    void nearestPicksTheClosestSampleEitherSide() {
        SampleSeries s = series(1, 9, 21, 28, 41);
        AlignedColumn c = VectorAligner.align(s, 0, 10 * MS, 5, SamplingRule.NEAREST, 5 * MS);
        assertThat(c.values()).containsExactly(1, 9, 21, 28, 41);
        assertThat(c.skew().maxAbsMs()).isEqualTo(2.0, within(1e-9));
    }

    @Test
    void linearInterpolatesBetweenNeighbours() {
        SampleSeries s = new SampleSeries(2, 4);
        s.add(0, new double[] {0, 100}, 0);
        s.add(20 * MS, new double[] {2, 80}, 0);
        AlignedColumn c = VectorAligner.align(s, 0, 5 * MS, 5, SamplingRule.LINEAR, 20 * MS);
        assertThat(c.get(1, 0)).isEqualTo(0.5, within(1e-12));
        assertThat(c.get(1, 1)).isEqualTo(95, within(1e-12));
        assertThat(c.get(2, 0)).isEqualTo(1.0, within(1e-12));
        assertThat(c.get(4, 1)).isEqualTo(80, within(1e-12));
        assertThat(c.missing()).isZero();
    }

    @Test
    void staleSamplesAreMissingNotRepeated() {
        // the stream stalls between 10 ms and 60 ms
        SampleSeries s = series(0, 10, 60, 70);
        AlignedColumn c = VectorAligner.align(s, 0, 10 * MS, 8, SamplingRule.LATEST_BEFORE, 15 * MS);
        assertThat(c.values()[0]).isEqualTo(0);
        assertThat(c.values()[1]).isEqualTo(10);
        assertThat(c.values()[2]).isEqualTo(10); // 10 ms old: within the limit
        // rows 3..5 are missing: filled with the nearest sample, counted and listed
        assertThat(c.values()[3]).isEqualTo(10);
        assertThat(c.values()[4]).isEqualTo(60);
        assertThat(c.values()[5]).isEqualTo(60);
        assertThat(c.values()[6]).isEqualTo(60);
        assertThat(c.values()[7]).isEqualTo(70);
        assertThat(c.missing()).isEqualTo(3);
        assertThat(c.missingRows()).hasSize(1);
        assertThat(c.missingRows().get(0)).containsExactly(3, 6);
        assertThat(c.skew().count()).isEqualTo(5);
    }

    @Test
    void rowBeforeTheFirstSampleIsMissingForLatestBefore() {
        SampleSeries s = series(5, 15);
        AlignedColumn c = VectorAligner.align(s, 0, 10 * MS, 2, SamplingRule.LATEST_BEFORE, 20 * MS);
        assertThat(c.values()[0]).isEqualTo(5); // missing (nothing before it), nearest used, counted
        assertThat(c.values()[1]).isEqualTo(5);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.missingRows().get(0)).containsExactly(0, 1);
        AlignedColumn none = VectorAligner.align(new SampleSeries(2, 4), 0, 10 * MS, 3, SamplingRule.NEAREST, MS);
        assertThat(none.values()).containsOnly(0.0);
        assertThat(none.missing()).isEqualTo(3);
        AlignedColumn n = VectorAligner.align(s, 0, 10 * MS, 2, SamplingRule.NEAREST, 20 * MS);
        assertThat(n.values()).containsExactly(5, 5);
    }

    @Test
    void seriesKeepsTimeStrictlyIncreasingAndCarriesTheLastSample() {
        SampleSeries s = series(1, 2, 3);
        assertThat(s.add(2 * MS, new double[] {9}, 0)).isFalse();
        s.keepLast();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.time(0)).isEqualTo(3 * MS);
        assertThat(s.value(0, 0)).isEqualTo(3);
        for (int i = 0; i < 100; i++) {
            s.add((10 + i) * MS, new double[] {i}, 0);
        }
        assertThat(s.size()).isEqualTo(101);
        assertThat(s.latestAtOrBefore(50 * MS)).isEqualTo(41);
        assertThat(s.latestAtOrBefore(0)).isEqualTo(-1);
    }
}
