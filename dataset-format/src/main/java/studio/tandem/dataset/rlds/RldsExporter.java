package studio.tandem.dataset.rlds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;

/**
 * Exports an {@link EpisodeSource} as an RLDS / Open X-Embodiment TFDS directory
 * {@code OUT/NAME/1.0.0/} ({@code dataset_info.json}, {@code features.json},
 * {@code NAME-train.tfrecord-XXXXX-of-YYYYY}) that {@code tfds.builder_from_directory} loads. Everything
 * is written into a staging directory beside the target and moved into place only when complete;
 * on any failure the staging directory is deleted and nothing appears at the target. Runs on the
 * caller's thread; one export at a time per instance.
 */
public final class RldsExporter {
    private static final Logger LOG = LoggerFactory.getLogger(RldsExporter.class);

    private final RldsExportOptions options;
    private final NanoClock clock;
    private final Executor imageExecutor;

    /**
     * @param imageExecutor runs the per-camera frame reading and JPEG encoding of each episode (e.g. a
     *     small fixed pool; {@code Runnable::run} encodes on the calling thread)
     */
    public RldsExporter(RldsExportOptions options, NanoClock clock, Executor imageExecutor) {
        this.options = options;
        this.clock = clock;
        this.imageExecutor = imageExecutor;
    }

    /**
     * Exports every episode of {@code source} into {@code out/NAME/1.0.0}.
     *
     * @throws FileAlreadyExistsException when the target version directory exists already
     * @throws IOException naming the file and problem when the source is unreadable or corrupt
     */
    public ExportSummary export(EpisodeSource source, Path out, ExportProgress progress) throws IOException {
        long t0 = clock.nanoTime();
        Path parent = out.resolve(options.name());
        Path target = parent.resolve(RldsExportOptions.VERSION);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target + ": already exists; choose another --name or OUT");
        }
        if (source.episodeCount() < 1) {
            throw new IOException(source.location() + ": the dataset has no episodes to export");
        }
        boolean createdParent = !Files.isDirectory(parent);
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + RldsExportOptions.VERSION + ".partial-");
        try {
            Counts counts = writeAll(source, staging, progress);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            double seconds = (clock.nanoTime() - t0) / 1e9;
            LOG.info("exported {} episodes ({} steps, {} bytes) to {}", counts.episodes, counts.steps, counts.bytes, target);
            return new ExportSummary(target, counts.episodes, counts.steps, counts.bytes, counts.shards, seconds);
        } catch (AtomicMoveNotSupportedException e) {
            cleanUp(staging, createdParent ? parent : null);
            throw new IOException(target + ": cannot move the finished export into place atomically", e);
        } catch (IOException | RuntimeException e) {
            cleanUp(staging, createdParent ? parent : null);
            throw e;
        }
    }

    private record Counts(long episodes, long steps, long bytes, int shards) {
    }

    private Counts writeAll(EpisodeSource source, Path dir, ExportProgress progress) throws IOException {
        RldsLayout layout = RldsLayout.of(source, options.imageSize());
        String prefix = options.name() + "-train.tfrecord";
        int total = source.episodeCount();
        long steps = 0;
        List<Path> shards;
        List<Long> lengths;
        long bytes;
        try (EpisodeEncoder encoder = new EpisodeEncoder(layout, options.jpegQuality(), imageExecutor);
                ShardedTfRecordWriter writer = new ShardedTfRecordWriter(dir, prefix, options.maxShardBytes())) {
            for (int i = 0; i < total; i++) {
                try (SourceEpisode ep = source.episode(i)) {
                    writer.write(encoder.encode(ep));
                    steps += ep.length();
                }
                progress.episodeDone(i + 1, total, steps);
            }
            lengths = writer.shardLengths();
            bytes = writer.totalBytes();
            shards = writer.finish();
        }
        String description = "Exported by Tandem Studio from the LeRobot v3.0 dataset " + source.location() + ": "
                + total + " episodes, " + steps + " steps.";
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("features.json").toFile(), FeaturesJson.of(layout));
        json.writeValue(dir.resolve("dataset_info.json").toFile(),
                DatasetInfoJson.of(options.name(), RldsExportOptions.VERSION, description, lengths, bytes));
        return new Counts(total, steps, bytes, shards.size());
    }

    /** Deletes the staging directory, and the NAME directory too when this export created it. */
    private static void cleanUp(Path staging, Path createdParent) {
        deleteTree(staging);
        if (createdParent != null) {
            try {
                Files.deleteIfExists(createdParent);
            } catch (IOException e) {
                LOG.debug("left {} in place: {}", createdParent, e.toString());
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the staging directory {}: {}", dir, e.toString());
        }
    }
}
