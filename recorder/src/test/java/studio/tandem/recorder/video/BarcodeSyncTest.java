package studio.tandem.recorder.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoInfo;
import studio.tandem.dataset.video.VideoProbe;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.FrameBarcode;
import studio.tandem.recorder.episode.DatasetSink;
import studio.tandem.recorder.episode.EpisodeData;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderConfig;
import studio.tandem.recorder.synthetic.SyntheticStation;

/**
 * Synchronisation proven through encode and decode: synthetic cameras (30 and 60 fps) draw their
 * capture time into every frame; after recording, every decoded frame's barcode must lie within half
 * a dataset period of its row's instant, and the files hold exactly one frame per row at i/fps.
 */
class BarcodeSyncTest {
    @TempDir
    Path root;

    /** Keeps the finished episode videos (copied out of the staging directory before it is deleted). */
    private final class CopySink implements DatasetSink {
        final List<EpisodeData> episodes = new ArrayList<>();
        final List<List<Path>> videos = new ArrayList<>();

        @Override
        public int appendEpisode(EpisodeData e) throws java.io.IOException {
            List<Path> kept = new ArrayList<>();
            for (var v : e.videos().entrySet()) {
                Path p = root.resolve("ep" + episodes.size() + "-" + v.getKey() + ".mp4");
                Files.copy(v.getValue(), p);
                kept.add(p);
            }
            episodes.add(e);
            videos.add(kept);
            return episodes.size() - 1;
        }

        @Override
        public int episodeCount() {
            return episodes.size();
        }
    }

    @Test
    void everyDecodedFrameCarriesACaptureTimeWithinHalfAPeriodOfItsRow() throws Exception {
        CopySink sink = new CopySink();
        Path ds = root.resolve("dataset");
        Files.createDirectories(ds);
        // a row whose frame is more than half a period away counts as missing: the test checks that
        // the recorder's own count matches what the decoded barcodes show
        RecorderConfig config = RecorderConfig.defaults(30).withCameraStale(Math.round(1e9 / 30) / 2);
        Recorder rec = new Recorder(ds, config, NanoClock.SYSTEM, new SegmentedVideo(VideoSettings.live(), 30), sink);
        SyntheticStation station = new SyntheticStation(rec, NanoClock.SYSTEM, 160, 120, new double[] {30, 60}, 200);
        rec.open();
        station.start();
        EpisodeSummary s;
        long[] lateness;
        try {
            TimeUnit.MILLISECONDS.sleep(200);
            rec.start(new EpisodeInfo("sync", null, null));
            TimeUnit.MILLISECONDS.sleep(2500);
            s = rec.stop().get(10, TimeUnit.SECONDS);
            lateness = station.maxLatenessNanos();
        } finally {
            station.stop();
            rec.close();
        }
        EpisodeData d = sink.episodes.get(0);
        assertThat(s.rows()).isBetween(70, 110);
        long period = config.periodNanos();
        for (Path video : sink.videos.get(0)) {
            String key = video.getFileName().toString().replace("ep0-", "").replace(".mp4", "");
            VideoInfo info = VideoProbe.probe(video);
            assertThat(info.frameCount()).isEqualTo(s.rows());
            for (int i = 0; i < info.frameCount(); i++) {
                assertThat(info.ptsSeconds(i)).isEqualTo(i / 30.0, within(1e-4));
            }
            long[] codes = new long[s.rows()];
            try (VideoDecoder dec = VideoDecoder.open(video)) {
                ByteBuffer rgb = ByteBuffer.allocateDirect(dec.frameBytes());
                int i = 0;
                while (dec.next(rgb)) {
                    OptionalLong code = FrameBarcode.read(rgb, 0, 160, 120);
                    assertThat(code).as("%s frame %d has a barcode", key, i).isPresent();
                    codes[i++] = code.getAsLong();
                }
                assertThat(i).isEqualTo(s.rows());
            }
            int late = 0;
            // a camera on time has a frame within half a period of every row; a starved camera thread
            // (measured: its captures ran up to `starved` behind schedule) widens that bound by as much
            long starved = lateness[key.endsWith("0") ? 0 : 1];
            for (int i = 0; i < codes.length; i++) {
                long rowTime = d.startNanos() + i * period;
                long skew = Math.abs(codes[i] - rowTime);
                late += skew > period / 2 ? 1 : 0;
                assertThat(skew).as("%s row %d skew (camera late by up to %d ns)", key, i, starved)
                        .isLessThanOrEqualTo(period / 2 + starved);
                // nearest-frame rule: no other recorded frame is closer to this row
                for (long other : codes) {
                    assertThat(Math.abs(other - rowTime)).as("%s row %d", key, i).isGreaterThanOrEqualTo(skew);
                }
            }
            // rows beyond half a period are exactly the rows the recorder counted as missing
            assertThat(late).as("%s rows beyond half a period", key).isEqualTo(s.streams().get(key).missing());
        }
        assertThat(s.streams().get("observation.images.cam0").dropped()).isZero();
        assertThat(s.streams().get("observation.images.cam1").dropped()).isZero();
    }
}
