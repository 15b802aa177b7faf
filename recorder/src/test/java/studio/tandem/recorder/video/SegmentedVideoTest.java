package studio.tandem.recorder.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoProbe;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.FrameBarcode;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

class SegmentedVideoTest {
    @TempDir
    Path dir;

    private static void encode(VideoSink sink, int from, int to) throws Exception {
        SyntheticFrames gen = new SyntheticFrames(64, 80);
        ByteBuffer px = ByteBuffer.allocateDirect(gen.frameBytes());
        for (int i = from; i < to; i++) {
            gen.render(i, 1000 + i, px);
            sink.encode(px, i);
        }
    }

    private static List<Long> codes(Path mp4) throws Exception {
        List<Long> out = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.open(mp4)) {
            ByteBuffer px = ByteBuffer.allocateDirect(d.frameBytes());
            while (d.next(px)) {
                out.add(FrameBarcode.read(px, 0, 64, 80).orElse(-1));
            }
        }
        return out;
    }

    @Test
    void cleanCloseJoinsEverySegmentAndFinishesByRename() throws Exception {
        SegmentedVideo v = new SegmentedVideo(VideoSettings.live(), 5);
        Path staged = dir.resolve("camera-0.staged");
        VideoSink sink = v.open(staged, 64, 80, 30);
        encode(sink, 0, 23);
        sink.close();
        assertThat(v.countFrames(staged)).isEqualTo(23);
        Path mp4 = dir.resolve("camera-0.mp4");
        v.finish(staged, mp4, 23);
        assertThat(codes(mp4)).hasSize(23).startsWith(1000L, 1001L).endsWith(1022L);
        assertThat(VideoProbe.probe(mp4).ptsSeconds(22)).isEqualTo(22 / 30.0, org.assertj.core.api.Assertions.within(1e-4));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("camera-0.mp4");
        }
    }

    @Test
    void crashCutKeepsClosedSegmentsAndTrimsToTheRequestedRows() throws Exception {
        SegmentedVideo v = new SegmentedVideo(VideoSettings.live(), 5);
        Path staged = dir.resolve("camera-1.staged");
        VideoSink sink = v.open(staged, 64, 80, 30);
        encode(sink, 0, 23); // never closed: frames 20..22 are in an unfinished segment
        // the live joiner is still running in this process: wait until it has joined the 4 closed
        // segments (after a real crash nothing runs any more)
        Path joined = SegmentedVideo.joined(staged);
        for (int i = 0; i < 200 && !(Files.exists(joined) && VideoProbe.probe(joined).frameCount() == 20); i++) {
            Thread.sleep(20);
        }
        assertThat(v.countFrames(staged)).isEqualTo(20);
        Path mp4 = dir.resolve("camera-1.mp4");
        v.finish(staged, mp4, 12); // a cut inside the joined file: re-encoded
        List<Long> c = codes(mp4);
        assertThat(c).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(c.get(i)).isEqualTo(1000L + i);
        }
    }
}
