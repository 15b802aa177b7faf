package studio.tandem.teleop.sim.render;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Assumptions;

/** Opens renderers for tests, skipping (not failing) when the machine has no headless OpenGL. */
final class GlTestSupport {

    private GlTestSupport() {
    }

    static OffscreenRenderer rendererOrSkip(int maxWidth, int maxHeight, int samples) {
        try {
            return new OffscreenRenderer(maxWidth, maxHeight, samples);
        } catch (RenderUnavailableException e) {
            Assumptions.abort(e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** Pixel (x, y) of an RGB image, rows top first, as {r, g, b} in 0..255. */
    static int[] pixel(ByteBuffer rgb, int width, int x, int y) {
        int i = rgb.position() + 3 * (y * width + x);
        return new int[] {rgb.get(i) & 0xFF, rgb.get(i + 1) & 0xFF, rgb.get(i + 2) & 0xFF};
    }

    static boolean reddish(int[] p) {
        return p[0] > 150 && p[1] < 80 && p[2] < 80;
    }

    static boolean greenish(int[] p) {
        return p[1] > 120 && p[0] < 80 && p[2] < 80;
    }

    /** The tests' floor: neutral grey, clearly not the dark blue background. */
    static boolean grey(int[] p) {
        return Math.abs(p[0] - p[1]) < 12 && Math.abs(p[1] - p[2]) < 12 && p[0] > 80 && p[0] < 220;
    }

    /** The tests' background: dark blue (0.1, 0.1, 0.4). */
    static boolean background(int[] p) {
        return Math.abs(p[0] - 26) <= 2 && Math.abs(p[1] - 26) <= 2 && Math.abs(p[2] - 102) <= 2;
    }

    static String rgb(int[] p) {
        return "(" + p[0] + "," + p[1] + "," + p[2] + ")";
    }
}
