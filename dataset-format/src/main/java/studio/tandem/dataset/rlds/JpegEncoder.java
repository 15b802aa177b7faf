package studio.tandem.dataset.rlds;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as baseline JPEG of a fixed output size and quality, resizing (bilinear) when the
 * frame's size differs. The target image, the output buffer and the writer are allocated once;
 * each call allocates only the returned byte array. Single-threaded.
 */
public final class JpegEncoder implements AutoCloseable {
    private final int width;
    private final int height;
    private final BufferedImage target;
    private final Graphics2D g;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

    /**
     * @param quality JPEG quality in (0, 1]
     */
    public JpegEncoder(int width, int height, float quality) {
        if (!(quality > 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], was " + quality);
        }
        this.width = width;
        this.height = height;
        this.target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this Java runtime");
        }
        this.writer = it.next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
    }

    /** The JPEG of {@code frame}, scaled to this encoder's size. */
    public byte[] encode(BufferedImage frame) throws IOException {
        g.drawImage(frame, 0, 0, width, height, null);
        buffer.reset();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(target, null, null), param);
        }
        return buffer.toByteArray();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        g.dispose();
        writer.dispose();
    }
}
