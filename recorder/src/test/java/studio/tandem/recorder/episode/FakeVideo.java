package studio.tandem.recorder.episode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import studio.tandem.recorder.video.StagedVideo;
import studio.tandem.recorder.video.VideoSink;

/**
 * A lossless stand-in for the FFmpeg staging encoder in unit tests: stores the first 8 bytes of every
 * frame (the test cameras write their capture time there) plus the frame index, unbuffered, so a
 * copy taken at any moment is "crash-cut" exactly like a file on disk.
 */
final class FakeVideo implements StagedVideo {

    @Override
    public VideoSink open(Path file, int width, int height, double fps) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        return new VideoSink() {
            long expected;

            @Override
            public void encode(ByteBuffer rgb, long frameIndex) throws IOException {
                if (frameIndex != expected++) {
                    throw new IOException("frame " + frameIndex + " out of order");
                }
                byte[] b = new byte[16];
                ByteBuffer.wrap(b).putLong(frameIndex).putLong(rgb.getLong(0));
                out.write(b);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public int countFrames(Path staged) throws IOException {
        return Files.exists(staged) ? (int) (Files.size(staged) / 16) : 0;
    }

    @Override
    public void finish(Path staged, Path mp4, int frames) throws IOException {
        byte[] all = Files.readAllBytes(staged);
        if (all.length < frames * 16) {
            throw new IOException(staged + ": holds " + all.length / 16 + " frames, " + frames + " needed");
        }
        Files.write(mp4, Arrays.copyOf(all, frames * 16));
    }

    /** The capture time stored with each frame of a finished file. */
    static long[] captures(Path mp4) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(mp4));
        long[] out = new long[b.remaining() / 16];
        for (int i = 0; i < out.length; i++) {
            if (b.getLong() != i) {
                throw new IOException("frame index mismatch at " + i);
            }
            out[i] = b.getLong();
        }
        return out;
    }
}
