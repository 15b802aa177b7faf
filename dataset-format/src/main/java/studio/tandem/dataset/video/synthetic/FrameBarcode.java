package studio.tandem.dataset.video.synthetic;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * A 64-bit value drawn into the top quarter of an RGB24 frame as large black/white blocks that survive
 * lossy video coding: 16 columns × 4 rows of data bits (most significant first, white = 1) plus one row
 * holding a 16-bit check word, so a frame without a barcode (or a damaged one) is recognised as such.
 * At 640×480 each block is 40×24 pixels. Stateless; any thread; allocation-free.
 */
public final class FrameBarcode {

    /** Blocks per row. */
    public static final int COLUMNS = 16;
    /** Rows of blocks: 4 data rows and 1 check row. */
    public static final int ROWS = 5;
    /** Smallest frame the barcode fits into (4 px per block). */
    public static final int MIN_WIDTH = 64;
    /** Smallest frame height the barcode fits into. */
    public static final int MIN_HEIGHT = 80;

    private static final int CHECK_SALT = 0xA5C3;

    private FrameBarcode() {
    }

    /** Height in pixels of the band the barcode occupies at the top of a frame {@code height} tall. */
    public static int bandHeight(int height) {
        return height / 4 / ROWS * ROWS;
    }

    /**
     * Draws {@code value} into the frame that starts at absolute index {@code offset} of {@code rgb}
     * ({@code width*height*3} bytes, rows top to bottom, no padding). Only the top band is written.
     */
    public static void draw(long value, ByteBuffer rgb, int offset, int width, int height) {
        requireSize(width, height);
        int check = check(value);
        int cellW = width / COLUMNS;
        int cellH = bandHeight(height) / ROWS;
        for (int y = 0; y < cellH * ROWS; y++) {
            int row = y / cellH;
            int rowStart = offset + y * width * 3;
            for (int x = 0; x < width; x++) {
                int col = Math.min(x / cellW, COLUMNS - 1);
                byte v = bit(value, check, row, col) ? (byte) 255 : 0;
                int i = rowStart + x * 3;
                rgb.put(i, v);
                rgb.put(i + 1, v);
                rgb.put(i + 2, v);
            }
        }
    }

    /**
     * Reads the barcode of the frame at absolute index {@code offset} of {@code rgb}; empty if the
     * frame holds none (check word wrong).
     */
    public static OptionalLong read(ByteBuffer rgb, int offset, int width, int height) {
        requireSize(width, height);
        int cellW = width / COLUMNS;
        int cellH = bandHeight(height) / ROWS;
        long value = 0;
        int check = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                boolean white = meanLuma(rgb, offset, width, col * cellW, row * cellH, cellW, cellH) >= 128;
                if (row < ROWS - 1) {
                    value = (value << 1) | (white ? 1 : 0);
                } else {
                    check = (check << 1) | (white ? 1 : 0);
                }
            }
        }
        return check == check(value) ? OptionalLong.of(value) : OptionalLong.empty();
    }

    private static boolean bit(long value, int check, int row, int col) {
        if (row < ROWS - 1) {
            int index = row * COLUMNS + col;
            return ((value >>> (63 - index)) & 1) != 0;
        }
        return ((check >>> (COLUMNS - 1 - col)) & 1) != 0;
    }

    /** Mean of (r+g+b)/3 over the central half of a block, which keeps clear of edge ringing. */
    private static int meanLuma(ByteBuffer rgb, int offset, int width, int x0, int y0, int w, int h) {
        long sum = 0;
        int count = 0;
        for (int y = y0 + h / 4; y < y0 + h - h / 4; y++) {
            for (int x = x0 + w / 4; x < x0 + w - w / 4; x++) {
                int i = offset + (y * width + x) * 3;
                sum += (rgb.get(i) & 0xFF) + (rgb.get(i + 1) & 0xFF) + (rgb.get(i + 2) & 0xFF);
                count += 3;
            }
        }
        return (int) (sum / count);
    }

    static int check(long value) {
        long folded = value ^ (value >>> 16) ^ (value >>> 32) ^ (value >>> 48);
        return (int) (folded & 0xFFFF) ^ CHECK_SALT;
    }

    private static void requireSize(int width, int height) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("barcode needs a frame of at least " + MIN_WIDTH + "x" + MIN_HEIGHT
                    + ", got " + width + "x" + height);
        }
    }
}
