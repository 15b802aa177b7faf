package studio.tandem.dataset.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.tandem.dataset.video.synthetic.FrameBarcode;

class VideoDecoderTest {

    @TempDir
    Path dir;

    private static long barcode(ByteBuffer rgb, VideoDecoder dec) {
        OptionalLong v = FrameBarcode.read(rgb, 0, dec.width(), dec.height());
        assertThat(v).as("barcode readable").isPresent();
        return v.getAsLong();
    }

    @Test
    void sequentialDecodingReturnsEveryFrameInOrder() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("seq.mp4"), 320, 240, 30, 40, 1000, VideoSettings.live());
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocateDirect(dec.frameBytes());
            int i = 0;
            while (dec.next(rgb)) {
                assertThat(barcode(rgb, dec)).isEqualTo(1000 + i);
                assertThat(dec.lastTimestamp()).isCloseTo(i / 30.0, within(1e-9));
                i++;
            }
            assertThat(i).isEqualTo(40);
            assertThat(dec.next(rgb)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpeg4", "libopenh264", "libsvtav1"})
    void frameAtSeeksToTheRightFrame(String codec) throws Exception {
        VideoSettings s = switch (codec) {
            case "libopenh264" -> VideoSettings.openh264(1_500_000);
            case "libsvtav1" -> VideoSettings.lerobotAv1();
            default -> VideoSettings.live();
        };
        int frames = 90;
        Path file = VideoFixtures.encode(dir.resolve("seek.mp4"), 320, 240, 30, frames, 0, s);
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
            for (int target : new int[] {75, 3, 88, 0, 40}) {
                double t = dec.frameAt(target / 30.0 + 0.00005, rgb);
                assertThat(t).isCloseTo(target / 30.0, within(1e-9));
                assertThat(barcode(rgb, dec)).as("frame at %d/30 s", target).isEqualTo(target);
            }
            assertThat(dec.seeks()).isEqualTo(5);
            assertThat(dec.framesDecoded()).as("seeking, not decoding from the start").isLessThan(5 * 8);
        }
    }

    @Test
    void frameAtAFewFramesAheadDecodesForwardWithoutSeeking() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("fw.mp4"), 160, 120, 30, 30, 0, VideoSettings.live());
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
            dec.frameAt(10 / 30.0, rgb);
            dec.frameAt(11 / 30.0, rgb);
            dec.frameAt(14 / 30.0, rgb);
            assertThat(barcode(rgb, dec)).isEqualTo(14);
            assertThat(dec.seeks()).isEqualTo(1);
        }
    }

    @Test
    void timestampBetweenFramesOrPastTheEndIsAnError() throws Exception {
        Path file = VideoFixtures.encode(dir.resolve("t.mp4"), 160, 120, 30, 10, 0, VideoSettings.live());
        try (VideoDecoder dec = VideoDecoder.open(file)) {
            ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
            assertThatThrownBy(() -> dec.frameAt(2.5 / 30.0, rgb)).isInstanceOf(VideoException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("no frame at");
            assertThatThrownBy(() -> dec.frameAt(5.0, rgb)).isInstanceOf(VideoException.class)
                    .hasMessageContaining("no frame at 5.0");
            assertThat(dec.frameAt(9 / 30.0, rgb)).isCloseTo(0.3, within(1e-9));
            assertThatThrownBy(() -> dec.next(ByteBuffer.allocate(10))).isInstanceOf(VideoException.class)
                    .hasMessageContaining("57600 needed");
        }
    }

    @Test
    void missingCorruptAndTruncatedFilesAreErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.mp4");
        assertThatThrownBy(() -> VideoDecoder.open(missing)).isInstanceOf(VideoException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> VideoProbe.probe(missing)).hasMessage(missing + ": no such file");

        Path garbage = Files.write(dir.resolve("garbage.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThatThrownBy(() -> VideoProbe.probe(garbage)).isInstanceOf(VideoException.class)
                .hasMessageStartingWith(garbage + ": not a readable video file");

        Path good = VideoFixtures.encode(dir.resolve("good.mp4"), 160, 120, 30, 20, 0, VideoSettings.live());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> VideoDecoder.open(truncated)).isInstanceOf(VideoException.class)
                .hasMessageStartingWith(truncated + ": ");

        assertThatThrownBy(() -> VideoDecoder.open(dir)).hasMessage(dir + ": not a regular file");
    }
}
