package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records into shards {@code NAME-train.tfrecord-XXXXX-of-YYYYY} of at most a target size:
 * a shard is closed before a record that would push it past the target (a single larger record
 * gets a shard of its own). Shards are written under provisional names and renamed by
 * {@link #finish()}, when their count is known. Single-threaded.
 */
public final class ShardedTfRecordWriter implements AutoCloseable {
    private final Path dir;
    private final String prefix;
    private final long maxShardBytes;
    private final List<Path> partial = new ArrayList<>();
    private final List<Long> lengths = new ArrayList<>();
    private TfRecordWriter current;
    private long totalBytes;
    private boolean finished;

    /**
     * @param dir directory receiving the shards (normally a staging directory)
     * @param prefix file name up to the shard numbers, e.g. {@code mydata-train.tfrecord}
     * @param maxShardBytes target maximum shard size in bytes
     */
    public ShardedTfRecordWriter(Path dir, String prefix, long maxShardBytes) {
        if (maxShardBytes < 1) {
            throw new IllegalArgumentException("shard size must be positive, was " + maxShardBytes);
        }
        this.dir = dir;
        this.prefix = prefix;
        this.maxShardBytes = maxShardBytes;
    }

    /** Appends one record (one episode). */
    public void write(byte[] record) throws IOException {
        if (finished) {
            throw new IllegalStateException("shards already finished");
        }
        long size = TfRecordWriter.framedSize(record.length);
        if (current != null && current.records() > 0 && current.bytesWritten() + size > maxShardBytes) {
            closeCurrent();
        }
        if (current == null) {
            Path p = dir.resolve(prefix + "-" + String.format("%05d", partial.size()) + ".partial");
            partial.add(p);
            current = new TfRecordWriter(p);
        }
        current.write(record);
        totalBytes += size;
    }

    /** Closes the last shard and gives every shard its final name; returns the final paths. */
    public List<Path> finish() throws IOException {
        closeCurrent();
        finished = true;
        int n = partial.size();
        List<Path> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Path target = dir.resolve(shardName(prefix, i, n));
            Files.move(partial.get(i), target);
            out.add(target);
        }
        return out;
    }

    /** {@code prefix-XXXXX-of-YYYYY}. */
    public static String shardName(String prefix, int index, int count) {
        return String.format("%s-%05d-of-%05d", prefix, index, count);
    }

    /** Records per shard, in shard order (the shard being written included). */
    public List<Long> shardLengths() {
        List<Long> l = new ArrayList<>(lengths);
        if (current != null) {
            l.add(current.records());
        }
        return l;
    }

    /** Bytes written into all shards. */
    public long totalBytes() {
        return totalBytes;
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            lengths.add(current.records());
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
