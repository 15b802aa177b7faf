package studio.tandem.dataset.rlds;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import studio.tandem.dataset.video.VideoDecoder;

/**
 * The frames of one episode in one video file: the frame at the episode's start timestamp, then the
 * following frames in order. RGB24 is decoded into a reused direct buffer and copied into a reused
 * BGR image: nothing is allocated per frame. Used by one thread at a time.
 */
final class VideoFrameCursor implements FrameCursor {
    private final VideoDecoder decoder;
    private final double fromSeconds;
    private final int frames;
    private final ByteBuffer rgb;
    private final BufferedImage image;
    private final byte[] bgr;
    private int delivered;

    VideoFrameCursor(Path file, double fromSeconds, int frames) throws IOException {
        this.decoder = VideoDecoder.open(file);
        this.fromSeconds = fromSeconds;
        this.frames = frames;
        this.rgb = ByteBuffer.allocateDirect(decoder.frameBytes());
        this.image = new BufferedImage(decoder.width(), decoder.height(), BufferedImage.TYPE_3BYTE_BGR);
        this.bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Override
    public BufferedImage next() throws IOException {
        if (delivered >= frames) {
            return null;
        }
        if (delivered == 0) {
            decoder.frameAt(fromSeconds, rgb);
        } else if (!decoder.next(rgb)) {
            return null;
        }
        delivered++;
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = rgb.get(i + 2);
            bgr[i + 1] = rgb.get(i + 1);
            bgr[i + 2] = rgb.get(i);
        }
        return image;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
