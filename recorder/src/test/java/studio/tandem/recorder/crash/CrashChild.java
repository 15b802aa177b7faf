package studio.tandem.recorder.crash;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderConfig;
import studio.tandem.recorder.lerobot.LeRobotDatasetSink;
import studio.tandem.recorder.synthetic.SyntheticStation;
import studio.tandem.recorder.video.SegmentedVideo;

/**
 * The process {@link CrashRecoveryTest} kills: records one short episode that is saved, then starts
 * a second one and records until it is killed, printing "RECORDING" once the second one started.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Recorder rec = build(root);
        rec.open();
        System.out.println("OPEN");
        rec.start(new EpisodeInfo("saved before the crash", "test", null));
        TimeUnit.MILLISECONDS.sleep(1000);
        var summary = rec.stop().get(20, TimeUnit.SECONDS);
        System.out.println("SAVED " + summary.rows());
        rec.start(new EpisodeInfo("cut by the crash", "test", null));
        System.out.println("RECORDING");
        System.out.flush();
        TimeUnit.MINUTES.sleep(5);
    }

    /** The recorder both processes build: 2 barcode cameras 160×120 at 30 fps, state/action at 200 Hz. */
    static Recorder build(Path root) throws java.io.IOException {
        Recorder rec = new Recorder(root, RecorderConfig.defaults(30), NanoClock.SYSTEM,
                new SegmentedVideo(VideoSettings.live(), 15), null);
        SyntheticStation st = new SyntheticStation(rec, NanoClock.SYSTEM, 160, 120, new double[] {30, 30}, 200);
        var sink = LeRobotDatasetSink.openOrCreate(root, 30,
                LeRobotDatasetSink.features(rec.vectors().stream().map(v -> v.feature()).toList(),
                        rec.cameras().stream().map(c -> c.feature()).toList()), "synthetic");
        rec.withSink(sink);
        st.start();
        return rec;
    }
}
