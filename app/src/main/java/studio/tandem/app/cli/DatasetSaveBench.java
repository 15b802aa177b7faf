package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.EpisodeBuffer;
import studio.tandem.dataset.lerobot.EpisodeExtras;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.EpisodeVideo;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.ImageStatsSampler;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.lerobot.LeRobotWriter;
import studio.tandem.dataset.video.VideoConcat;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * The work behind {@code tandem bench dataset}: one writer session that first saves a pre-fill
 * episode (so the current data file already holds {@code prefillMb} of rows, with static camera
 * clips stream-copied to its length), then times {@code appendEpisode} for 60 s episodes whose
 * camera MP4s were encoded beforehand, then reads every timed episode back. Calling thread only.
 */
final class DatasetSaveBench {
    /** Incompressible float32 values: 60 per row plus the index columns. */
    private static final int FLOATS = 14 + 14 + 32;
    private static final double ROW_BYTES = FLOATS * 4 + 4 * 8 + 4 + 1;

    /** Save wall time and the saving thread's CPU time (immune to other processes' load), per episode. */
    record Result(long[] saveNanos, long[] saveCpuNanos, long rowsWritten, double writeSeconds, long tableBytes, long rowsRead,
            double readSeconds, long readBytes, long dataFiles, long datasetBytes) {
    }

    private final Path root;
    private final int frames;
    private final int width;
    private final int height;
    private final PrintWriter log;
    private final FeatureSet features;
    private final List<Path> clips = new ArrayList<>();
    private final LeRobotWriter writer;
    private final SplittableRandom random = new SplittableRandom(42);
    private ImageStatsSampler stats;

    DatasetSaveBench(Path dir, int frames, int cameras, int width, int height, PrintWriter log) throws IOException {
        this.root = dir.resolve("ds");
        this.frames = frames;
        this.width = width;
        this.height = height;
        this.log = log;
        List<Feature> fs = new ArrayList<>(List.of(VectorFeature.float32("observation.state", names(14)),
                VectorFeature.float32("action", names(14)), VectorFeature.float32("observation.tactile", names(32)),
                VectorFeature.scalar("intervention", DType.BOOL)));
        for (int c = 0; c < cameras; c++) {
            fs.add(VisualFeature.video("observation.images.cam" + c, width, height));
        }
        this.features = FeatureSet.of(fs);
        this.writer = LeRobotWriter.create(root, 30, features, "bench", new FfmpegVideoFiles());
        if (cameras > 0) {
            long t = System.nanoTime();
            clips.add(encode(dir.resolve("clip-moving.mp4"), frames, true));
            clips.add(encode(dir.resolve("clip-static.mp4"), frames, false));
            log.printf("encoded 2 camera clips of %d frames in %.1f s (not part of the save)%n", frames,
                    (System.nanoTime() - t) / 1e9);
            log.flush();
        }
    }

    /** Saves one untimed episode holding about {@code mb} MB of rows (a multiple of the episode length). */
    void prefill(int mb) throws IOException {
        if (mb == 0) {
            return;
        }
        int repeats = (int) Math.max(1, Math.round(mb * 1024.0 * 1024.0 / ROW_BYTES / frames));
        long t = System.nanoTime();
        EpisodeBuffer buf = new EpisodeBuffer(features, repeats * frames);
        fill(buf, repeats * frames, -1);
        writer.appendEpisode(buf, videos(Collections.nCopies(repeats, clips.isEmpty() ? null : clips.get(1)), -1),
                EpisodeExtras.NONE);
        log.printf("pre-filled %d rows, data file %.1f MB, in %.1f s%n", repeats * frames,
                Files.size(root.resolve(writer.info().dataFile(0, 0))) / 1e6, (System.nanoTime() - t) / 1e9);
        log.flush();
    }

    Result run(int episodes) throws IOException {
        long[] save = new long[episodes];
        long[] cpu = new long[episodes];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long tableBytes0 = tableBytes();
        EpisodeBuffer buf = new EpisodeBuffer(features, frames);
        long total = 0;
        for (int e = 0; e < episodes; e++) {
            fill(buf, frames, e);
            Map<String, EpisodeVideo> v = videos(clips.isEmpty() ? List.of() : List.of(clips.get(0)), e);
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            writer.appendEpisode(buf, v, EpisodeExtras.NONE);
            save[e] = System.nanoTime() - s;
            cpu[e] = threads.getCurrentThreadCpuTime() - c;
            total += save[e];
            log.printf("save %d/%d: %.0f ms (CPU %.0f ms)%n", e + 1, episodes, save[e] / 1e6, cpu[e] / 1e6);
            log.flush();
        }
        writer.close();
        long written = tableBytes() - tableBytes0;
        long r0 = System.nanoTime();
        LeRobotDataset ds = LeRobotDataset.open(root);
        long rows = 0;
        long first = ds.episodes().size() - episodes;
        for (long e = first; e < ds.episodes().size(); e++) {
            EpisodeFrames f = ds.readEpisode(e);
            rows += f.floats("observation.tactile").length / 32;
        }
        double readS = (System.nanoTime() - r0) / 1e9;
        long files;
        try (Stream<Path> s = Files.walk(root.resolve("data"))) {
            files = s.filter(Files::isRegularFile).count();
        }
        return new Result(save, cpu, (long) episodes * frames, total / 1e9, written, rows, readS, written, files,
                bytes(root));
    }

    private Map<String, EpisodeVideo> videos(List<Path> parts, int e) throws IOException {
        Map<String, EpisodeVideo> out = new LinkedHashMap<>();
        List<VisualFeature> cams = features.videos();
        for (int c = 0; c < cams.size(); c++) {
            Path staged = root.resolveSibling("staged-" + e + "-" + c + ".mp4");
            if (parts.size() == 1) {
                Files.copy(parts.get(0), staged);
            } else {
                VideoConcat.append(staged, parts);
            }
            out.put(cams.get(c).name(), new EpisodeVideo(staged, stats.result()));
        }
        return out;
    }

    private void fill(EpisodeBuffer buf, int n, int e) {
        buf.clear();
        for (String name : List.of("observation.state", "action", "observation.tactile")) {
            float[] a = buf.floats(name);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextDouble(-3, 3);
            }
        }
        boolean[] iv = buf.bools("intervention");
        for (int i = 0; i < n; i++) {
            iv[i] = (i / 100) % 5 == 0;
        }
        buf.setTaskForAll(e < 0 ? "pre-fill" : "bench task " + (e % 3));
        buf.setLength(n);
    }

    private Path encode(Path file, int n, boolean moving) throws IOException {
        SyntheticFrames gen = new SyntheticFrames(width, height);
        ImageStatsSampler s = new ImageStatsSampler();
        try (VideoEncoder enc = VideoEncoder.open(file, width, height, 30, VideoSettings.live())) {
            ByteBuffer in = enc.inputBuffer();
            for (int i = 0; i < n; i++) {
                if (moving) {
                    gen.render(i, i, in);
                }
                if (i % 30 == 0) {
                    s.add(in, width, height);
                }
                enc.encode(in, i * 1_000_000_000L / 30);
            }
        }
        if (moving) {
            stats = s;
        }
        return file;
    }

    private long tableBytes() throws IOException {
        return bytes(root.resolve("data"));
    }

    private static long bytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static List<String> names(int n) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add("v" + i);
        }
        return s;
    }
}
