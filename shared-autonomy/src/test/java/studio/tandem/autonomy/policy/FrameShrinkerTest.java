package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameShrinkerTest {

    static ManifestInput.Camera camera(int w, int h, int[] crop) {
        return new ManifestInput.Camera("image", "observation.images.wrist", w, h, crop, new double[] {0.5, 0.5, 0.5},
                new double[] {0.25, 0.25, 0.25});
    }

    static ImageFrame random(int w, int h, long seed) {
        Random r = new Random(seed);
        ImageFrame f = new ImageFrame(w, h);
        r.nextBytes(f.rgb());
        return f;
    }

    /** The exact mean of channel c over the source block [x0, x0+bw) × [y0, y0+bh). */
    static double blockMean(ImageFrame f, int x0, int y0, int bw, int bh, int c) {
        double sum = 0;
        for (int y = y0; y < y0 + bh; y++) {
            for (int x = x0; x < x0 + bw; x++) {
                sum += f.rgb()[(y * f.width() + x) * 3 + c] & 0xff;
            }
        }
        return sum / (bw * bh);
    }

    @Test
    void blocksOfAtMostThreeByThreePixelsAreAveragedExactly() {
        ImageFrame f = random(48, 36, 1);
        FrameShrinker s = new FrameShrinker(camera(16, 12, null));
        ShrunkFrame out = s.newFrame();
        s.shrink(f, 5, out);
        assertThat(out.taps()).isEqualTo(9);
        assertThat(out.sequence()).isEqualTo(5);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 16; x++) {
                    assertThat(out.average(c, x, y)).as("c%d (%d,%d)", c, x, y)
                            .isEqualTo(blockMean(f, x * 3, y * 3, 3, 3, c));
                }
            }
        }
    }

    @Test
    void aLargeFrameIsAveragedOverEachSpanWithinAGreyLevelOfTheTrueAreaMean() {
        ImageFrame f = new ImageFrame(640, 480);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                f.set(x, y, x * 255 / 639, y * 255 / 479, (x + y) * 255 / 1118);
            }
        }
        FrameShrinker s = new FrameShrinker(camera(16, 16, null));
        ShrunkFrame out = s.newFrame();
        s.shrink(f, 1, out);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    assertThat(out.average(c, x, y)).as("c%d (%d,%d)", c, x, y)
                            .isCloseTo(blockMean(f, x * 40, y * 30, 40, 30, c), within(1.0));
                }
            }
        }
    }

    @Test
    void aCameraBufferShrinksToTheSameSumsAsAnImageFrameOfItsPixels() {
        ImageFrame f = random(640, 480, 2);
        f.stampNanos(77);
        ByteBuffer direct = ByteBuffer.allocateDirect(f.rgb().length);
        direct.put(0, f.rgb());
        for (int[] crop : new int[][] {null, {100, 50, 200, 160}}) {
            FrameShrinker s = new FrameShrinker(camera(16, 16, crop));
            ShrunkFrame fromFrame = s.newFrame();
            ShrunkFrame fromBuffer = s.newFrame();
            s.shrink(f, 3, fromFrame);
            s.shrink(direct, 640, 480, 77, 3, fromBuffer);
            assertThat(fromBuffer.sums()).containsExactly(fromFrame.sums());
            assertThat(fromBuffer.stampNanos()).isEqualTo(77);
            assertThat(direct.position()).isZero();
        }
    }

    @Test
    void aCropIsAveragedInsideItsRectangle() {
        ImageFrame f = random(64, 64, 3);
        FrameShrinker s = new FrameShrinker(camera(2, 2, new int[] {10, 20, 6, 6}));
        ShrunkFrame out = s.newFrame();
        s.shrink(f, 1, out);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                assertThat(out.average(1, x, y)).isEqualTo(blockMean(f, 10 + x * 3, 20 + y * 3, 3, 3, 1));
            }
        }
    }

    @Test
    void mistakesNameTheCamera() {
        FrameShrinker s = new FrameShrinker(camera(4, 4, new int[] {700, 0, 10, 10}));
        assertThatThrownBy(() -> s.prepareFor(640, 480))
                .hasMessage("camera observation.images.wrist: crop [700, 0, 10, 10] lies outside the 640x480 frame");
        FrameShrinker t = new FrameShrinker(camera(4, 4, null));
        assertThatThrownBy(() -> t.shrink(new ImageFrame(8, 8), 1, new ShrunkFrame(5, 4)))
                .hasMessage("camera observation.images.wrist: shrinks to 4x4, not 5x4");
    }
}
