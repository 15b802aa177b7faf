package studio.tandem.teleop.sim.render;

import studio.tandem.dataset.io.TempFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes an RGB frame (rows top first) as a PNG, atomically (temporary file, then move). Any thread. */
public final class RgbPng {

    private RgbPng() {
    }

    /** Reads width×height×3 bytes from {@code rgb} at its position (position unchanged) and writes {@code file}. */
    public static void write(ByteBuffer rgb, int width, int height, Path file) throws IOException {
        if (rgb.remaining() < width * height * 3) {
            throw new IllegalArgumentException("RGB frame for " + file + " needs " + width * height * 3
                    + " bytes, got " + rgb.remaining());
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int p = rgb.position();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = rgb.get(p++) & 0xFF;
                int g = rgb.get(p++) & 0xFF;
                int b = rgb.get(p++) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path tmp = TempFiles.beside(file, ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available for " + file);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
