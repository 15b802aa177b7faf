package studio.tandem.dataset.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

class VideoEncoderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of(VideoSettings.live(), "mpeg4"),
                Arguments.of(VideoSettings.openh264(1_000_000), "h264"),
                Arguments.of(VideoSettings.lerobotAv1(), "av1"));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void ffprobeSeesExactPtsCodecPixFmtAndRate(VideoSettings settings, String codecName) throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("ep.mp4"), 160, 120, 30, 37, 0, settings);

        JsonNode probe = VideoFixtures.ffprobe(file);
        JsonNode stream = probe.get("streams").get(0);
        assertThat(stream.get("codec_name").asText()).isEqualTo(codecName);
        assertThat(stream.get("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(stream.get("r_frame_rate").asText()).isEqualTo("30/1");
        assertThat(stream.get("avg_frame_rate").asText()).isEqualTo("30/1");
        assertThat(stream.get("width").asInt()).isEqualTo(160);
        assertThat(stream.get("nb_frames").asInt()).isEqualTo(37);
        double[] pts = VideoFixtures.ffprobePts(probe);
        assertThat(pts).hasSize(37);
        for (int i = 0; i < pts.length; i++) {
            assertThat(pts[i]).as("pts of frame %d", i).isCloseTo(i / 30.0, within(1e-4));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void probeAgreesWithFfprobe() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("a.mp4"), 320, 240, 15, 20, 0, VideoSettings.live());

        VideoInfo info = VideoProbe.probe(file);

        assertThat(info.codec()).isEqualTo("mpeg4");
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(240);
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.fps()).isEqualTo(15.0);
        assertThat(info.frameCount()).isEqualTo(20);
        assertThat(info.ptsSeconds()).containsExactly(VideoFixtures.ffprobePts(VideoFixtures.ffprobe(file)),
                within(1e-6));
        assertThat(info.ptsSeconds(19)).isCloseTo(19 / 15.0, within(1e-9));
        assertThat(info.lerobotInfo()).containsEntry("video.codec", "mpeg4").containsEntry("video.fps", 15)
                .containsEntry("video.pix_fmt", "yuv420p").containsEntry("video.height", 240);
    }

    @Test
    void encodeAllocatesNothingPerFrame() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        SyntheticFrames gen = new SyntheticFrames(320, 240);
        ByteBuffer frame = ByteBuffer.allocateDirect(gen.frameBytes());
        gen.render(0, 42, frame);
        try (VideoEncoder enc = VideoEncoder.open(dir.resolve("alloc.mp4"), 320, 240, 30, VideoSettings.live())) {
            for (int i = 0; i < 30; i++) {
                enc.encode(frame, i);
            }
            long before = threads.getThreadAllocatedBytes(me);
            for (int i = 30; i < 330; i++) {
                enc.encode(frame, i * VideoFixtures.NANOS_PER_FRAME_30);
            }
            long allocated = threads.getThreadAllocatedBytes(me) - before;
            assertThat(allocated).as("heap bytes allocated over 300 frames").isLessThan(16 * 1024);
            assertThat(enc.framesEncoded()).isEqualTo(330);
        }
    }

    @Test
    void directFramesReadInPlaceEncodeExactlyLikeCopiedHeapFrames() throws Exception {
        SyntheticFrames gen = new SyntheticFrames(160, 120);
        int n = gen.frameBytes();
        ByteBuffer[] ring = new ByteBuffer[3];
        ByteBuffer offset = ByteBuffer.allocateDirect(n + 7);
        ByteBuffer heap = ByteBuffer.allocate(n);
        Path inPlace = dir.resolve("direct.mp4");
        Path copied = dir.resolve("heap.mp4");
        try (VideoEncoder a = VideoEncoder.open(inPlace, 160, 120, 30, VideoSettings.live());
                VideoEncoder b = VideoEncoder.open(copied, 160, 120, 30, VideoSettings.live())) {
            for (int i = 0; i < 12; i++) {
                ByteBuffer direct;
                if (i % 4 == 3) {
                    offset.position(7);
                    direct = offset;
                } else {
                    ring[i % 3] = ring[i % 3] == null ? ByteBuffer.allocateDirect(n) : ring[i % 3];
                    direct = ring[i % 3];
                }
                gen.render(i, i, direct);
                heap.clear();
                heap.put(direct.duplicate()).flip();
                a.encode(direct, i * VideoFixtures.NANOS_PER_FRAME_30);
                b.encode(heap, i * VideoFixtures.NANOS_PER_FRAME_30);
                assertThat(direct.position()).isEqualTo(i % 4 == 3 ? 7 : 0);
            }
        }
        assertThat(Files.readAllBytes(inPlace)).isEqualTo(Files.readAllBytes(copied));
        try (VideoDecoder dec = VideoDecoder.open(inPlace)) {
            ByteBuffer px = ByteBuffer.allocate(dec.frameBytes());
            int frames = 0;
            while (dec.next(px)) {
                frames++;
            }
            assertThat(frames).isEqualTo(12);
        }
    }

    @ParameterizedTest
    @MethodSource("rollOverCodecs")
    void rollOverWritesCompleteFilesThatDecodeLikeFreshEncoders(VideoSettings settings) throws Exception {
        SyntheticFrames gen = new SyntheticFrames(64, 80);
        ByteBuffer frame = ByteBuffer.allocateDirect(gen.frameBytes());
        int[] lengths = {5, 4, 3};
        Path[] rolled = {dir.resolve("r0.mp4"), dir.resolve("r1.mp4"), dir.resolve("r2.mp4")};
        try (VideoEncoder enc = VideoEncoder.open(rolled[0], 64, 80, 30, settings)) {
            int index = 0;
            for (int f = 0; f < lengths.length; f++) {
                if (f > 0) {
                    enc.rollOver(rolled[f]);
                    assertThat(enc.framesEncoded()).isZero();
                    assertThat(enc.target()).isEqualTo(rolled[f]);
                    assertThat(rolled[f - 1]).exists();
                }
                for (int i = 0; i < lengths[f]; i++, index++) {
                    gen.render(index, index, frame);
                    enc.encode(frame, index * VideoFixtures.NANOS_PER_FRAME_30);
                }
            }
        }
        int index = 0;
        for (int f = 0; f < lengths.length; f++) {
            Path fresh = dir.resolve("fresh" + f + ".mp4");
            try (VideoEncoder enc = VideoEncoder.open(fresh, 64, 80, 30, settings)) {
                for (int i = 0; i < lengths[f]; i++) {
                    gen.render(index + i, index + i, frame);
                    enc.encode(frame, (index + i) * VideoFixtures.NANOS_PER_FRAME_30);
                }
            }
            index += lengths[f];
            assertThat(VideoProbe.probe(rolled[f]).frameCount()).as("frames in file " + f).isEqualTo(lengths[f]);
            assertThat(decodeAll(rolled[f])).as("pixels of file " + f).isEqualTo(decodeAll(fresh));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    static Stream<VideoSettings> rollOverCodecs() {
        return Stream.of(VideoSettings.live(), VideoSettings.lerobotAv1().withThreads(1));
    }

    private static byte[] decodeAll(Path file) throws Exception {
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            ByteBuffer px = ByteBuffer.allocate(dec.frameBytes());
            while (dec.next(px)) {
                all.write(px.array(), 0, dec.frameBytes());
                px.clear();
            }
            return all.toByteArray();
        }
    }

    @Test
    void decodedFramesStayCloseToTheRgbInputInEveryChannel() throws Exception {
        SyntheticFrames gen = new SyntheticFrames(320, 240);
        ByteBuffer frame = ByteBuffer.allocateDirect(gen.frameBytes());
        Path file = dir.resolve("fidelity.mp4");
        byte[] source = new byte[gen.frameBytes()];
        try (VideoEncoder enc = VideoEncoder.open(file, 320, 240, 30, VideoSettings.live())) {
            for (int i = 0; i < 4; i++) {
                gen.render(i, i, frame);
                enc.encode(frame, i * VideoFixtures.NANOS_PER_FRAME_30);
            }
            frame.get(0, source);
        }
        byte[] decoded = decodeAll(file);
        double[] err = new double[3];
        int offset = decoded.length - source.length;
        for (int i = 0; i < source.length; i++) {
            err[i % 3] += Math.abs((source[i] & 0xFF) - (decoded[offset + i] & 0xFF));
        }
        for (int c = 0; c < 3; c++) {
            assertThat(err[c] / (source.length / 3.0)).as("mean abs error of channel %d (levels)", c).isLessThan(4);
        }
    }

    @Test
    void statsCountFramesAndCaptureSkew() throws Exception {
        SyntheticFrames gen = new SyntheticFrames(160, 120);
        ByteBuffer heap = ByteBuffer.allocate(gen.frameBytes());
        gen.render(0, 1, heap);
        try (VideoEncoder enc = VideoEncoder.open(dir.resolve("s.mp4"), 160, 120, 30, VideoSettings.live())) {
            enc.encode(heap, 1_000);
            enc.encode(heap, 1_000 + VideoFixtures.NANOS_PER_FRAME_30 + 2_000_000);
            enc.encode(heap, 1_000 + 2 * VideoFixtures.NANOS_PER_FRAME_30 - 1_000_000);
            EncodeStats stats = enc.stats();
            assertThat(stats.frames()).isEqualTo(3);
            assertThat(stats.maxAbsSkewNanos()).isEqualTo(2_000_000);
            assertThat(stats.meanSkewNanos()).isCloseTo(500_000, within(1.0));
        }
    }

    @Test
    void shortBufferIsAnErrorNamingTheFileAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("short.mp4");
        VideoEncoder enc = VideoEncoder.open(file, 160, 120, 30, VideoSettings.live());
        assertThatThrownBy(() -> enc.encode(ByteBuffer.allocate(100), 0)).isInstanceOf(VideoException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("57600 needed");
        assertThatThrownBy(enc::close).isInstanceOf(VideoException.class).hasMessageContaining("no frame");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unknownEncoderOrOptionIsAnError() {
        Path file = dir.resolve("x.mp4");
        var bogus = new VideoSettings("nosuchcodec", 2, 4, "", 0, 1, Map.of());
        assertThatThrownBy(() -> VideoEncoder.open(file, 160, 120, 30, bogus))
                .isInstanceOf(VideoException.class).hasMessageContaining("nosuchcodec")
                .hasMessageContaining(file.toString());
        var badOption = new VideoSettings("mpeg4", 2, 4, "", 0, 1, Map.of("no_such_option", "1"));
        assertThatThrownBy(() -> VideoEncoder.open(file, 160, 120, 30, badOption))
                .isInstanceOf(VideoException.class).hasMessageContaining("no_such_option");
        assertThatThrownBy(() -> VideoEncoder.open(file, 161, 120, 30, VideoSettings.live()))
                .isInstanceOf(VideoException.class).hasMessageContaining("161x120");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void abortLeavesTheExistingTargetUntouched() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("keep.mp4"), 160, 120, 30, 5, 0, VideoSettings.live());
        long size = Files.size(file);
        SyntheticFrames gen = new SyntheticFrames(160, 120);
        VideoEncoder enc = VideoEncoder.open(file, 160, 120, 30, VideoSettings.live());
        gen.render(0, 0, enc.inputBuffer());
        enc.encode(enc.inputBuffer(), 0);
        enc.abort();
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(VideoProbe.probe(file).frameCount()).isEqualTo(5);
        assertThat(dir.toFile().list()).containsExactly("keep.mp4");
    }
}
