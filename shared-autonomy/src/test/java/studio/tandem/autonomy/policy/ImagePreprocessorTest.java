package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
    private static ManifestInput.Camera camera(int w, int h, int[] crop) {
        return new ManifestInput.Camera("image", "wrist", w, h, crop, new double[] {0.5, 0, 0},
                new double[] {0.5, 1, 1});
    }

    @Test
    void averagesBlocksIntoNormalisedChwFloats() {
        ImageFrame f = new ImageFrame(4, 2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                f.set(x, y, x < 2 ? 0 : 255, y * 255, 51);
            }
        }
        FloatBuffer out = FloatBuffer.allocate(3 * 2);
        new ImagePreprocessor(camera(2, 1, null)).apply(f, out);
        assertThat(out.position()).isEqualTo(6);
        // red: left block 0, right block 255 → (0 − 0.5)/0.5 = −1 and (1 − 0.5)/0.5 = 1
        assertThat(out.get(0)).isCloseTo(-1f, offset(1e-6f));
        assertThat(out.get(1)).isCloseTo(1f, offset(1e-6f));
        // green: rows 0 and 255 average to 0.5
        assertThat(out.get(2)).isCloseTo(0.5f, offset(1e-6f));
        assertThat(out.get(5)).isCloseTo(0.2f, offset(1e-6f));
    }

    @Test
    void cropsBeforeResizingAndRejectsACropOutsideTheFrame() {
        ImageFrame f = new ImageFrame(4, 4);
        f.set(3, 3, 255, 255, 255);
        FloatBuffer out = FloatBuffer.allocate(3);
        new ImagePreprocessor(camera(1, 1, new int[] {3, 3, 1, 1})).apply(f, out);
        assertThat(out.get(0)).isCloseTo(1f, offset(1e-6f));
        assertThatThrownBy(() -> new ImagePreprocessor(camera(1, 1, new int[] {5, 0, 2, 2}))
                .apply(f, FloatBuffer.allocate(3))).hasMessageContaining("camera wrist: crop");
    }

    @Test
    void aCompactFrameHoldsExactlyThePixelsTheResizeReads() {
        java.util.Random r = new java.util.Random(3);
        ImageFrame big = new ImageFrame(160, 120);
        r.nextBytes(big.rgb());
        ImagePreprocessor pre = new ImagePreprocessor(camera(16, 12, null));
        FloatBuffer direct = FloatBuffer.allocate(pre.size());
        pre.apply(big, direct);
        ImageFrame small = new ImageFrame(1, 1);
        pre.compact(big, small);
        assertThat(small.width()).isEqualTo(48);
        assertThat(small.height()).isEqualTo(36);
        FloatBuffer viaCompact = FloatBuffer.allocate(pre.size());
        new ImagePreprocessor(camera(16, 12, null)).apply(small, viaCompact);
        assertThat(viaCompact.array()).containsExactly(direct.array());
        // and the values are real averages: not all equal
        assertThat(direct.get(0)).isNotEqualTo(direct.get(1));
    }

    @Test
    void fullFramesAndFramesShrunkElsewhereGiveBitForBitThePreviousFloats() {
        ImageFrame big = new ImageFrame(640, 480);
        new java.util.Random(4).nextBytes(big.rgb());
        for (int[] crop : new int[][] {null, {40, 30, 300, 200}}) {
            ManifestInput.Camera spec = new ManifestInput.Camera("image", "wrist", 16, 16, crop,
                    new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
            float[] before = LegacyPipeline.image(spec, big);
            ImagePreprocessor pre = new ImagePreprocessor(spec);
            FloatBuffer full = FloatBuffer.allocate(pre.size());
            pre.apply(big, full);
            assertThat(full.array()).containsExactly(before);
            FrameShrinker shrinker = new FrameShrinker(spec);
            ShrunkFrame shrunk = shrinker.newFrame();
            shrinker.shrink(big, 1, shrunk);
            FloatBuffer normalised = FloatBuffer.allocate(pre.size());
            pre.normalize(shrunk, normalised);
            assertThat(normalised.array()).containsExactly(before);
        }
    }

    @Test
    void normalisingRefusesAFrameOfAnotherSizeOrWithoutPixels() {
        ImagePreprocessor pre = new ImagePreprocessor(camera(2, 1, null));
        assertThatThrownBy(() -> pre.normalize(new ShrunkFrame(2, 1), FloatBuffer.allocate(6)))
                .hasMessage("camera wrist: expects a 2x1 shrunk frame, got 2x1 without pixels");
        ShrunkFrame other = new ShrunkFrame(3, 1);
        other.stamp(1, 0, 1);
        assertThatThrownBy(() -> pre.normalize(other, FloatBuffer.allocate(6)))
                .hasMessage("camera wrist: expects a 2x1 shrunk frame, got 3x1");
    }
}
