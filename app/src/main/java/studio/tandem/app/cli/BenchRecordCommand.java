package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.bench.VideoBench;
import studio.tandem.recorder.episode.EpisodeSummary;
import studio.tandem.recorder.episode.StagedTree;
import studio.tandem.recorder.episode.StreamStats;

/**
 * {@code tandem bench record}: one synthetic episode through the real recorder (live encoding, 200 Hz
 * state/action), then the same number of frames encoded by FFmpeg's own binary with the same codec
 * settings. Encoding speed is compared per CPU second (the encoder threads' CPU time vs ffmpeg's
 * utime+stime), so other load on the machine does not skew the ratio. {@code ratio_vs_ffmpeg} is the
 * live figure: paced at the camera rate, beside the camera threads, with cold caches at every frame,
 * against ffmpeg's unpaced batch run. {@code batch_ratio_vs_ffmpeg} is like for like: our encoder
 * unpaced on one thread on the same frames, just before and after ffmpeg (ffmpeg's CPU still includes
 * reading its raw input file). Last line: JSON.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a synthetic episode live and compare encoding with ffmpeg; last line is JSON.")
final class BenchRecordCommand implements Callable<Integer> {
    @Option(names = "--cameras", defaultValue = "3")
    int cameras;

    @Option(names = "--width", defaultValue = "640")
    int width;

    @Option(names = "--height", defaultValue = "480")
    int height;

    @Option(names = "--fps", defaultValue = "30")
    int fps;

    @Option(names = "--seconds", defaultValue = "30")
    double seconds;

    @Option(names = "--segment-seconds", defaultValue = "1", description = "staged segment length (crash loss bound)")
    double segmentSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = Files.createTempDirectory("tandem-bench-record");
        VideoSettings video = VideoSettings.live();
        try {
            RssSampler rss = new RssSampler();
            EpisodeSummary s;
            long[] cpu;
            long[] alloc;
            long encodedInWindow;
            double heap0;
            double heap1;
            int segment = Math.max(1, (int) Math.round(segmentSeconds * fps));
            SyntheticRecordStation station = new SyntheticRecordStation(cameras, width, height, fps, 200,
                    NanoClock.SYSTEM);
            long[] late;
            try (RecordingSession session = new RecordingSession(root.resolve("ds"), fps, station, video, segment,
                    out, err)) {
                session.open();
                heap0 = heapAfterGc();
                rss.start();
                // steady-state window: from 1 s into the episode to its last second
                Window w = new Window(session.recorder());
                Thread probe = new Thread(() -> w.measure(seconds), "bench-window");
                probe.setDaemon(true);
                probe.start();
                s = session.episode(1, 1, seconds, "bench", "");
                probe.join();
                cpu = w.cpu;
                alloc = w.alloc;
                encodedInWindow = w.frames;
                heap1 = heapAfterGc();
                rss.stop();
                late = station.maxLatenessNanos();
            }
            out.println(RecordingSession.summary(s));
            err.println("ffmpeg baseline: encoding " + s.rows() + " frames...");
            err.flush();
            VideoBench bench = new VideoBench(root);
            // like for like: our encoder, unpaced on one thread, on the same frames right before and
            // after the ffmpeg run (the mean brackets load drift); live encode_fps stays as measured
            var ours0 = bench.ourEncoder(video, width, height, fps, s.rows());
            var base = bench.ffmpegBinary(video, width, height, fps, s.rows());
            var ours1 = bench.ourEncoder(video, width, height, fps, s.rows());
            double ffmpeg = base.framesPerCamera() / base.cpuSeconds();
            double batch = 2.0 * s.rows() / (ours0.cpuSeconds() + ours1.cpuSeconds());
            out.println(json(s, cpu, ffmpeg, batch, rss, alloc, heap0, heap1, encodedInWindow, late));
            out.flush();
            return 0;
        } finally {
            StagedTree.delete(root);
        }
    }

    /**
     * CPU nanoseconds (or heap bytes allocated) of every encoder thread in name order, then the
     * recorder's writer thread last.
     */
    private static long[] threadCounters(boolean allocated) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Thread> enc = new ArrayList<>();
        Thread writer = null;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("encoder-")) {
                enc.add(t);
            } else if (t.getName().equals("recorder-writer")) {
                writer = t;
            }
        }
        enc.sort((a, b) -> a.getName().compareTo(b.getName()));
        enc.add(writer);
        long[] out = new long[enc.size()];
        for (int i = 0; i < out.length; i++) {
            long id = enc.get(i).getId();
            out[i] = allocated ? mx.getThreadAllocatedBytes(id) : mx.getThreadCpuTime(id);
        }
        return out;
    }

    private static double heapAfterGc() {
        return ProcessMemory.heapAfterGcMb();
    }

    private String json(EpisodeSummary s, long[] cpu, double ffmpegFps, double batchFps, RssSampler rss,
            long[] alloc, double heap0, double heap1, long frames, long[] late) {
        long lateMax = 0;
        for (long l : late) {
            lateMax = Math.max(lateMax, l);
        }
        StringBuilder fpsAch = new StringBuilder();
        long dropped = 0;
        long missing = 0;
        double skewMax = 0;
        long cpuSum = 0;
        for (int i = 0; i < cameras; i++) {
            StreamStats st = s.streams().get("observation.images.cam" + i);
            fpsAch.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f",
                    (s.rows() - st.repeated()) / s.seconds()));
            dropped += st.dropped();
            missing += st.missing();
            skewMax = Math.max(skewMax, st.skew().maxAbsMs());
        }
        long allocEnc = 0;
        for (int i = 0; i < cameras; i++) {
            cpuSum += cpu[i];
            allocEnc += alloc[i];
        }
        long samples = Math.round(2 * 200 * Math.max(0.5, seconds - 2));
        double encodeFps = cpuSum > 0 ? (double) frames / (cpuSum / 1e9) : 0;
        return String.format(Locale.ROOT, "{\"bench\":\"record\",\"cameras\":%d,\"width\":%d,\"height\":%d,\"fps\":%d,"
                + "\"seconds\":%.2f,\"rows\":%d,\"fps_achieved\":[%s],\"dropped_frames\":%d,\"missing_rows\":%d,"
                + "\"skew_max_ms\":%.2f,\"save_latency_s\":%.3f,\"encode_fps\":%.1f,\"encoder_cpu_s\":%.2f,"
                + "\"ffmpeg_encode_fps\":%.1f,\"ratio_vs_ffmpeg\":%.3f,\"batch_encode_fps\":%.1f,"
                + "\"batch_ratio_vs_ffmpeg\":%.3f,\"rss_mb\":%.1f,\"rss_mb_at_5s\":%.1f,"
                + "\"rss_mb_max\":%.1f,\"heap_committed_mb_max\":%.1f,\"heap_live_mb_start\":%.1f,"
                + "\"heap_live_mb_end\":%.1f,"
                + "\"encoder_alloc_bytes_per_frame\":%.0f,\"writer_alloc_bytes_per_sample\":%.1f,"
                + "\"camera_thread_late_max_ms\":%.1f,\"load_avg_1m\":%.2f}", cameras, width, height, fps, s.seconds(), s.rows(), fpsAch, dropped, missing,
                skewMax, s.saveLatencyS(), encodeFps, cpuSum / 1e9, ffmpegFps, encodeFps / ffmpegFps, batchFps,
                batchFps / ffmpegFps, rss.last(),
                rss.at5s(), rss.max(), rss.heapCommittedMax(), heap0, heap1, (double) allocEnc / Math.max(1, frames),
                (double) alloc[cameras] / Math.max(1, samples),
                lateMax / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * CPU time and allocation of the encoder and writer threads, and frames encoded, over the
     * steady-state part of the episode (after its first second, until a second before its end).
     */
    private static final class Window {
        private final studio.tandem.recorder.episode.Recorder recorder;
        long[] cpu;
        long[] alloc;
        long frames;

        Window(studio.tandem.recorder.episode.Recorder recorder) {
            this.recorder = recorder;
        }

        void measure(double seconds) {
            try {
                Thread.sleep(1000);
                long[] c0 = threadCounters(false);
                long[] a0 = threadCounters(true);
                long f0 = java.util.Arrays.stream(recorder.encodedFrames()).sum();
                Thread.sleep(Math.max(500, (long) ((seconds - 2) * 1000)));
                cpu = threadCounters(false);
                alloc = threadCounters(true);
                frames = java.util.Arrays.stream(recorder.encodedFrames()).sum() - f0;
                for (int i = 0; i < cpu.length; i++) {
                    cpu[i] -= c0[i];
                    alloc[i] -= a0[i];
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Samples the process's resident memory (VmRSS) once a second. */
    private static final class RssSampler implements Runnable {
        private final Thread thread = new Thread(this, "rss-sampler");
        private volatile boolean running = true;
        private volatile double last;
        private volatile double max;
        private volatile double at5s;
        private volatile double heapCommittedMax;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            last = ProcessMemory.rssMb();
            max = Math.max(max, last);
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            while (running) {
                double r = ProcessMemory.rssMb();
                heapCommittedMax = Math.max(heapCommittedMax, ProcessMemory.heapCommittedMb());
                last = r;
                max = Math.max(max, r);
                if (at5s == 0 && System.nanoTime() - start >= 5_000_000_000L) {
                    at5s = r;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        double last() {
            return last;
        }

        double max() {
            return max;
        }

        double at5s() {
            return at5s;
        }

        double heapCommittedMax() {
            return heapCommittedMax;
        }
    }
}
