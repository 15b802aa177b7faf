package studio.tandem.teleop.replay;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;

/**
 * Reads a device-stream file record by record. Not thread-safe; one reader thread. A record cut off
 * at the end (a crash while recording with a copied partial file) ends the stream and is counted.
 */
public final class StreamReader implements AutoCloseable {
    private final Path file;
    private final DataInputStream in;
    private final String deviceId;
    private final String deviceKind;
    private final List<String> channels;
    private long offsetNanos;
    private int channel;
    private long truncated;

    /** @throws IOException with a one-line message naming the file and what is wrong */
    public StreamReader(Path file) throws IOException {
        this.file = file;
        try {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such device-stream file", e);
        }
        try {
            byte[] magic = new byte[StreamFormat.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, StreamFormat.MAGIC)) {
                throw new IOException(file + ": not a Tandem device stream (bad magic)");
            }
            int version = in.readInt();
            if (version != StreamFormat.VERSION) {
                throw new IOException(file + ": device stream version " + version + " is not supported (expected "
                        + StreamFormat.VERSION + ")");
            }
            deviceId = in.readUTF();
            deviceKind = in.readUTF();
            int n = in.readUnsignedByte();
            List<String> ch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ch.add(in.readUTF());
            }
            channels = List.copyOf(ch);
        } catch (EOFException e) {
            in.close();
            throw new IOException(file + ": device stream header is truncated", e);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the next record into {@code pose} or {@code hand}.
     *
     * @return {@link StreamFormat#POSE}, {@link StreamFormat#HAND}, or -1 at the end
     * @throws IOException naming the file on an unknown record kind
     */
    public int next(PoseSample pose, HandJointsSample hand) throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return -1;
        }
        try {
            channel = in.readUnsignedByte();
            offsetNanos = in.readLong();
            if (kind == StreamFormat.POSE) {
                StreamFormat.readPose(in, pose);
            } else if (kind == StreamFormat.HAND) {
                StreamFormat.readHand(in, hand);
            } else {
                throw new IOException(file + ": unknown record kind " + kind);
            }
            return kind;
        } catch (EOFException e) {
            truncated++;
            return -1;
        }
    }

    /** Time of the last record read, nanoseconds since the first record. */
    public long offsetNanos() {
        return offsetNanos;
    }

    /** Channel (pose) or side ordinal (hand) of the last record read. */
    public int channel() {
        return channel;
    }

    public String deviceId() {
        return deviceId;
    }

    public String deviceKind() {
        return deviceKind;
    }

    public List<String> channels() {
        return channels;
    }

    /** Records cut off at the end of the file. */
    public long truncatedRecords() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
