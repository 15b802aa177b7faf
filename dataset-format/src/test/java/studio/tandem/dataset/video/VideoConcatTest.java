package studio.tandem.dataset.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.tandem.dataset.video.synthetic.FrameBarcode;

class VideoConcatTest {

    @TempDir
    Path dir;

    @Test
    void threeEpisodesAppendedInTwoStepsHaveExactSpansAndPts() throws Exception {
        VideoSettings s = VideoSettings.live();
        Path e0 = VideoFixtures.encode(dir.resolve("e0.mp4"), 160, 120, 30, 31, 0, s);
        Path e1 = VideoFixtures.encode(dir.resolve("e1.mp4"), 160, 120, 30, 17, 100, s);
        Path e2 = VideoFixtures.encode(dir.resolve("e2.mp4"), 160, 120, 30, 45, 200, s);
        Path file = dir.resolve("videos/cam/chunk-000/file-000.mp4");

        List<EpisodeSpan> first = VideoConcat.append(file, List.of(e0));
        List<EpisodeSpan> next = VideoConcat.append(file, List.of(e1, e2));

        assertThat(first).containsExactly(new EpisodeSpan(e0, 0, 31, 0.0, 31 / 30.0));
        assertThat(next).containsExactly(new EpisodeSpan(e1, 31, 17, 31 / 30.0, 48 / 30.0),
                new EpisodeSpan(e2, 48, 45, 48 / 30.0, 93 / 30.0));
        JsonNode probe = VideoFixtures.ffprobe(file);
        assertThat(probe.get("streams").get(0).get("r_frame_rate").asText()).isEqualTo("30/1");
        double[] pts = VideoFixtures.ffprobePts(probe);
        assertThat(pts).hasSize(93);
        for (int i = 0; i < pts.length; i++) {
            assertThat(pts[i]).as("pts of frame %d", i).isCloseTo(i / 30.0, within(1e-4));
        }
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
            dec.frameAt(next.get(0).fromTimestamp(), rgb);
            assertThat(FrameBarcode.read(rgb, 0, 160, 120)).hasValue(100);
            dec.frameAt(next.get(1).toTimestamp() - 1 / 30.0, rgb);
            assertThat(FrameBarcode.read(rgb, 0, 160, 120)).hasValue(244);
            dec.frameAt(30 / 30.0, rgb);
            assertThat(FrameBarcode.read(rgb, 0, 160, 120)).hasValue(30);
        }
        assertThat(dir.resolve("videos/cam/chunk-000").toFile().list()).containsExactly("file-000.mp4");
    }

    @Test
    void mismatchedEpisodeIsRejectedAndTheTargetIsUntouched() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("file.mp4"), 160, 120, 30, 10, 0, VideoSettings.live());
        byte[] before = Files.readAllBytes(file);
        Path otherSize = VideoFixtures.encode(dir.resolve("big.mp4"), 320, 240, 30, 5, 0, VideoSettings.live());
        Path otherRate = VideoFixtures.encode(dir.resolve("fps.mp4"), 160, 120, 15, 5, 0, VideoSettings.live());
        Path otherCodec = VideoFixtures.encode(dir.resolve("h264.mp4"), 160, 120, 30, 5, 0,
                VideoSettings.openh264(500_000));

        assertThatThrownBy(() -> VideoConcat.append(file, List.of(otherSize)))
                .hasMessage(otherSize + ": size 320x240 differs from " + file + ", cannot concatenate");
        assertThatThrownBy(() -> VideoConcat.append(file, List.of(otherRate)))
                .hasMessageContaining("frame rate 15/1 differs");
        assertThatThrownBy(() -> VideoConcat.append(file, List.of(otherCodec)))
                .hasMessageContaining("codec h264 differs");
        Path missing = dir.resolve("none.mp4");
        assertThatThrownBy(() -> VideoConcat.append(file, List.of(missing)))
                .isInstanceOf(VideoException.class).hasMessage(missing + ": no such file");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("file.mp4", "big.mp4", "fps.mp4", "h264.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpeg4", "libopenh264", "libsvtav1"})
    void inPlaceAppendOfThreeEpisodesGivesExactSpansPtsAndFrames(String codec) throws Exception {
        VideoSettings s = switch (codec) {
            case "libopenh264" -> VideoSettings.openh264(800_000);
            case "libsvtav1" -> VideoSettings.lerobotAv1();
            default -> VideoSettings.live();
        };
        Path e0 = VideoFixtures.encode(dir.resolve("e0.mp4"), 160, 120, 30, 31, 0, s);
        Path e1 = VideoFixtures.encode(dir.resolve("e1.mp4"), 160, 120, 30, 17, 100, s);
        Path e2 = VideoFixtures.encode(dir.resolve("e2.mp4"), 160, 120, 30, 45, 200, s);
        Path file = dir.resolve("file-000.mp4");

        EpisodeSpan s0 = VideoConcat.appendInPlace(file, e0);
        long sizeAfterFirst = Files.size(file);
        EpisodeSpan s1 = VideoConcat.appendInPlace(file, e1);
        EpisodeSpan s2 = VideoConcat.appendInPlace(file, e2);

        assertThat(s0).isEqualTo(new EpisodeSpan(e0, 0, 31, 0.0, 31 / 30.0));
        assertThat(s1).isEqualTo(new EpisodeSpan(e1, 31, 17, 31 / 30.0, 48 / 30.0));
        assertThat(s2).isEqualTo(new EpisodeSpan(e2, 48, 45, 48 / 30.0, 93 / 30.0));
        assertThat(topLevelBoxes(file)).as("appended in place, old indexes retired")
                .containsSubsequence("mdat", "free", "mdat", "free", "mdat", "moov")
                .filteredOn("moov"::equals).hasSize(1);
        assertThat(Files.size(file)).as("grows by the episodes, old data untouched")
                .isLessThan(sizeAfterFirst + Files.size(e1) + Files.size(e2) + 4096);
        JsonNode probe = VideoFixtures.ffprobe(file);
        assertThat(probe.get("streams").get(0).get("nb_frames").asInt()).isEqualTo(93);
        assertThat(probe.get("streams").get(0).get("r_frame_rate").asText()).isEqualTo("30/1");
        double[] pts = VideoFixtures.ffprobePts(probe);
        assertThat(pts).hasSize(93);
        for (int i = 0; i < pts.length; i++) {
            assertThat(pts[i]).as("pts of frame %d", i).isCloseTo(i / 30.0, within(1e-4));
        }
        assertThat(VideoProbe.probe(file).frameCount()).isEqualTo(93);
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
            long[] expected = new long[93];
            for (int i = 0; i < 93; i++) {
                expected[i] = i < 31 ? i : i < 48 ? 100 + i - 31 : 200 + i - 48;
            }
            for (int i = 0; dec.next(rgb); i++) {
                assertThat(FrameBarcode.read(rgb, 0, 160, 120)).as("frame %d", i).hasValue(expected[i]);
            }
            dec.frameAt(s2.fromTimestamp(), rgb);
            assertThat(FrameBarcode.read(rgb, 0, 160, 120)).hasValue(200);
            dec.frameAt(s1.toTimestamp() - 1 / 30.0, rgb);
            assertThat(FrameBarcode.read(rgb, 0, 160, 120)).hasValue(116);
        }
    }

    @Test
    void inPlaceAppendRejectsAnotherFrameSizeAndLeavesTheFileAsItWas() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("file.mp4"), 160, 120, 30, 10, 0, VideoSettings.live());
        byte[] before = Files.readAllBytes(file);
        Path big = VideoFixtures.encode(dir.resolve("big.mp4"), 320, 240, 30, 5, 0, VideoSettings.live());

        assertThatThrownBy(() -> VideoConcat.appendInPlace(file, big)).isInstanceOf(VideoException.class)
                .hasMessage(big + ": size 320x240 differs from " + file + ", cannot concatenate");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** Types of the top-level boxes of an MP4, in file order. */
    static List<String> topLevelBoxes(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<String> types = new java.util.ArrayList<>();
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            byte[] t = new byte[4];
            b.get(t);
            types.add(new String(t, java.nio.charset.StandardCharsets.US_ASCII));
            if (size == 1) {
                size = b.getLong();
            }
            b.position((int) (start + size));
        }
        return types;
    }
}
