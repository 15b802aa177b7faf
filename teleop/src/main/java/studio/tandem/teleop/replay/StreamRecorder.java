package studio.tandem.teleop.replay;

import studio.tandem.dataset.io.TempFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.SampleTap;
import studio.tandem.teleop.input.Side;

/**
 * Records every sample a device publishes (install it with {@code AbstractOperatorDevice.setTap}) into
 * a device-stream file ({@link StreamFormat}). Writes go to a temporary file beside the target and
 * are moved into place on {@link #close()}, so a file either is complete or does not exist. Runs on
 * the device thread; a write error is counted and kept (never thrown into the device thread) and
 * reported by {@link #close()}.
 */
public final class StreamRecorder implements SampleTap, AutoCloseable {
    private final Path target;
    private final Path temp;
    private final DataOutputStream out;
    private long first = Long.MIN_VALUE;
    private long records;
    private long errors;
    private volatile IOException firstError;
    private boolean closed;

    /**
     * @param channelNames the device's channel names, in channel order
     * @throws IOException if the file cannot be created
     */
    public StreamRecorder(Path target, String deviceId, String deviceKind, List<String> channelNames)
            throws IOException {
        this.target = target;
        this.temp = TempFiles.beside(target, ".part");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        out.write(StreamFormat.MAGIC);
        out.writeInt(StreamFormat.VERSION);
        out.writeUTF(deviceId);
        out.writeUTF(deviceKind);
        out.writeByte(channelNames.size());
        for (String c : channelNames) {
            out.writeUTF(c);
        }
    }

    private long offset(long captureNanos) {
        if (first == Long.MIN_VALUE) {
            first = captureNanos;
        }
        return captureNanos - first;
    }

    @Override
    public synchronized void onPose(int channel, PoseSample sample) {
        if (closed) {
            return;
        }
        try {
            StreamFormat.writePose(out, channel, offset(sample.captureNanos()), sample);
            records++;
        } catch (IOException e) {
            failed(e);
        }
    }

    @Override
    public synchronized void onHand(Side side, HandJointsSample sample) {
        if (closed) {
            return;
        }
        try {
            StreamFormat.writeHand(out, side.ordinal(), offset(sample.captureNanos()), sample);
            records++;
        } catch (IOException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        errors++;
        if (firstError == null) {
            firstError = e;
        }
    }

    public synchronized long records() {
        return records;
    }

    /** Samples that could not be written. */
    public synchronized long errors() {
        return errors;
    }

    /**
     * Flushes and moves the file into place.
     *
     * @throws IOException naming the file if any sample could not be written (the partial file is deleted)
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            failed(e);
        }
        if (errors > 0) {
            Files.deleteIfExists(temp);
            throw new IOException(target + ": " + errors + " samples could not be written: " + firstError.getMessage(),
                    firstError);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
