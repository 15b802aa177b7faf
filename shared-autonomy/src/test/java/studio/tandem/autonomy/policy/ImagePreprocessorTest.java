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
}
