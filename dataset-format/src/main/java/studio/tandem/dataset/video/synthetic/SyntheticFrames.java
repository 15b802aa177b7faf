package studio.tandem.dataset.video.synthetic;

import java.nio.ByteBuffer;

/**
 * Renders test frames (RGB24, {@code width*height*3} bytes, rows top to bottom): a barcode of a 64-bit
 * value in the top quarter ({@link FrameBarcode}), below it a colour gradient that scrolls with the
 * frame index and a bright square that moves across the frame, so codecs see real motion. Used by the
 * sample dataset, the recorder's tests and the benchmarks. One instance per thread; rendering
 * allocates nothing.
 */
public final class SyntheticFrames {

    private static final int SQUARE = 48;

    private final int width;
    private final int height;

    /** Frames {@code width × height}; at least {@link FrameBarcode#MIN_WIDTH} × {@link FrameBarcode#MIN_HEIGHT}. */
    public SyntheticFrames(int width, int height) {
        if (width < FrameBarcode.MIN_WIDTH || height < FrameBarcode.MIN_HEIGHT) {
            throw new IllegalArgumentException("synthetic frames need at least " + FrameBarcode.MIN_WIDTH + "x"
                    + FrameBarcode.MIN_HEIGHT + ", got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes of one frame ({@code width*height*3}). */
    public int frameBytes() {
        return width * height * 3;
    }

    /**
     * Renders frame {@code frameIndex} carrying {@code code} (e.g. the capture time in nanoseconds or
     * the frame index) into {@code rgb} from its position (the position is not moved).
     *
     * @throws IllegalArgumentException if fewer than {@link #frameBytes()} bytes remain
     */
    public void render(long frameIndex, long code, ByteBuffer rgb) {
        if (rgb.remaining() < frameBytes()) {
            throw new IllegalArgumentException("frame buffer holds " + rgb.remaining() + " bytes, " + frameBytes()
                    + " needed");
        }
        int offset = rgb.position();
        int band = FrameBarcode.bandHeight(height);
        FrameBarcode.draw(code, rgb, offset, width, height);
        int shift = (int) (frameIndex % 256);
        int span = Math.max(1, width - SQUARE);
        int sx = (int) ((frameIndex * 7) % (2L * span));
        sx = sx < span ? sx : 2 * span - sx;
        int sy = band + (int) ((frameIndex * 3) % Math.max(1, height - band - SQUARE));
        for (int y = band; y < height; y++) {
            int rowStart = offset + y * width * 3;
            boolean squareRow = y >= sy && y < sy + SQUARE;
            for (int x = 0; x < width; x++) {
                int i = rowStart + x * 3;
                if (squareRow && x >= sx && x < sx + SQUARE) {
                    rgb.put(i, (byte) 250).put(i + 1, (byte) 240).put(i + 2, (byte) 40);
                } else {
                    rgb.put(i, (byte) ((x + 2 * shift) & 0xFF));
                    rgb.put(i + 1, (byte) ((y + shift) & 0xFF));
                    rgb.put(i + 2, (byte) (((x + y) >> 1) + 3 * shift & 0xFF));
                }
            }
        }
    }
}
