package studio.tandem.autonomy.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.policy.FrameShrinker;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.ShrunkFrame;
import studio.tandem.dataset.time.NanoClock;

class StationFramesTest {
    static final double[] HALF = {0.5, 0.5, 0.5};

    static ManifestInput.Camera input(String id, int w, int h, int[] crop) {
        return new ManifestInput.Camera("image_" + id, "observation.images." + id, w, h, crop, HALF, HALF);
    }

    /** Frame k of {@code cam} as an ImageFrame (the test's reference pixels). */
    static ImageFrame frame(PatternCamera cam, long k) {
        ImageFrame f = new ImageFrame(cam.width(), cam.height());
        for (int y = 0; y < cam.height(); y++) {
            for (int x = 0; x < cam.width(); x++) {
                f.set(x, y, PatternCamera.pixel(k, x, y, 0), PatternCamera.pixel(k, x, y, 1),
                        PatternCamera.pixel(k, x, y, 2));
            }
        }
        f.stampNanos(k * 1000);
        return f;
    }

    static float[] reference(ManifestInput.Camera in, PatternCamera cam, long k) {
        FrameShrinker s = new FrameShrinker(in);
        ShrunkFrame out = s.newFrame();
        s.shrink(frame(cam, k), k, out);
        return out.sums();
    }

    @Test
    void eachNewFrameIsReadOnceAndShrunkForEveryInputOfItsCamera() {
        PatternCamera wrist = new PatternCamera("wrist", 48, 36);
        PatternCamera scene = new PatternCamera("scene", 32, 24);
        ManifestInput.Camera whole = input("wrist", 16, 12, null);
        ManifestInput.Camera crop = input("wrist", 4, 4, new int[] {8, 8, 16, 16});
        StationFrames frames = new StationFrames(List.of(scene, wrist),
                List.of(whole, crop, input("top", 8, 8, null)), NanoClock.SYSTEM);
        ShrunkFrame a = new ShrunkFrame(16, 12);
        ShrunkFrame b = new ShrunkFrame(4, 4);
        assertThat(frames.shrinkNew()).as("nothing published yet").isZero();
        assertThat(frames.latest(0, a)).isFalse();

        wrist.publish();
        scene.publish();
        assertThat(frames.shrinkNew()).as("scene feeds no input").isEqualTo(2);
        assertThat(frames.latest(0, a)).isTrue();
        assertThat(a.sequence()).isEqualTo(1);
        assertThat(a.stampNanos()).isEqualTo(1000);
        assertThat(a.sums()).containsExactly(reference(whole, wrist, 1));
        assertThat(frames.latest(1, b)).isTrue();
        assertThat(b.sums()).containsExactly(reference(crop, wrist, 1));
        assertThat(frames.latest(2, new ShrunkFrame(8, 8))).as("the station has no camera 'top'").isFalse();
        assertThat(frames.framesReused()).isZero();

        assertThat(frames.latest(0, a)).as("no newer frame: the policy reuses its own").isTrue();
        assertThat(frames.framesReused()).isEqualTo(1);
        assertThat(frames.shrinkNew()).isZero();

        wrist.publish();
        wrist.publish();
        wrist.publish();
        assertThat(frames.shrinkNew()).isEqualTo(2);
        assertThat(frames.framesSkipped()).as("frames 2 and 3 came and went").isEqualTo(2);
        assertThat(frames.latest(0, a)).isTrue();
        assertThat(a.sequence()).isEqualTo(4);
        assertThat(a.sums()).containsExactly(reference(whole, wrist, 4));
        assertThat(frames.framesShrunk()).isEqualTo(4);
        assertThat(frames.framesReused()).isEqualTo(1);
    }

    @Test
    void aCameraThatCannotBeReadIsCountedAndTheOthersGoOn() {
        PatternCamera wrist = new PatternCamera("wrist", 48, 36);
        PatternCamera side = new PatternCamera("side", 48, 36);
        StationFrames frames = new StationFrames(List.of(wrist, side),
                List.of(input("wrist", 16, 12, null), input("side", 16, 12, null)), NanoClock.SYSTEM);
        wrist.publish();
        side.publish();
        wrist.failReads = true;
        assertThat(frames.shrinkNew()).isEqualTo(1);
        assertThat(frames.readErrors()).isEqualTo(1);
        assertThat(frames.latest(0, new ShrunkFrame(16, 12))).isFalse();
        assertThat(frames.latest(1, new ShrunkFrame(16, 12))).isTrue();
    }

    @Test
    void aCropOutsideTheCameraIsRefusedWhenWired() {
        PatternCamera wrist = new PatternCamera("wrist", 48, 36);
        List<ManifestInput.Camera> outside = List.of(input("wrist", 4, 4, new int[] {60, 0, 8, 8}));
        assertThatThrownBy(() -> new StationFrames(List.of(wrist), outside, NanoClock.SYSTEM)).hasMessage("camera observation.images.wrist: crop [60, 0, 8, 8] lies outside the "
                        + "48x36 frame");
    }

    @Test
    void itsThreadShrinksFramesAsTheyArriveUntilClosed() throws Exception {
        PatternCamera wrist = new PatternCamera("wrist", 48, 36);
        StationFrames frames = new StationFrames(List.of(wrist), List.of(input("wrist", 16, 12, null)),
                NanoClock.SYSTEM);
        ShrunkFrame a = new ShrunkFrame(16, 12);
        wrist.publish();
        frames.start();
        try {
            assertThat(frames.latest(0, a)).as("the frame there at start is shrunk before start returns").isTrue();
            assertThat(a.sequence()).isEqualTo(1);
            for (long k = 2; k <= 4; k++) {
                wrist.publish();
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (!(frames.latest(0, a) && a.sequence() == k) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertThat(a.sequence()).as("frame %d shrunk by the thread", k).isEqualTo(k);
            }
        } finally {
            frames.close();
        }
        wrist.publish();
        Thread.sleep(30);
        assertThat(frames.framesShrunk()).as("closed: frame 5 is not shrunk").isEqualTo(4);
        frames.close();
    }

    @Test
    void shrinkingAFrameAllocatesNothing() {
        PatternCamera wrist = new PatternCamera("wrist", 640, 480);
        StationFrames frames = new StationFrames(List.of(wrist), List.of(input("wrist", 16, 16, null)),
                NanoClock.SYSTEM);
        ShrunkFrame a = new ShrunkFrame(16, 16);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200; i++) {
                wrist.publish();
                frames.shrinkNew();
                frames.latest(0, a);
            }
            best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(frames.framesShrunk()).isEqualTo(800);
        assertThat(best).as("bytes allocated by 200 frames after warm-up").isZero();
    }
}
