package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkOnCallTest {
    static final double[] HALF = {0.5, 0.5, 0.5};

    @Test
    void shrinksTheSourcesFrameOnTheCallersThreadAndCountsRepeatedFrames() {
        long[] stamp = {0};
        FrameSource source = (feature, into) -> {
            if (stamp[0] == 0) {
                return false;
            }
            into.resize(12, 6);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 12; x++) {
                    into.set(x, y, (int) stamp[0], x * 20, feature.length());
                }
            }
            into.stampNanos(stamp[0]);
            return true;
        };
        ManifestInput.Camera cam =
                new ManifestInput.Camera("image", "observation.images.wrist", 4, 2, null, HALF, HALF);
        ShrinkOnCall frames = new ShrinkOnCall(source, List.of(cam));
        ShrunkFrame img = new ShrunkFrame(4, 2);
        assertThat(frames.latest(0, img)).isFalse();
        stamp[0] = 7;
        assertThat(frames.latest(0, img)).isTrue();
        assertThat(img.taps()).isEqualTo(9);
        assertThat(img.average(0, 1, 1)).isEqualTo(7.0);
        assertThat(img.average(1, 1, 0)).as("x 3..5 → 60, 80, 100").isEqualTo(80.0);
        assertThat(img.average(2, 0, 0)).isEqualTo("observation.images.wrist".length());
        assertThat(img.stampNanos()).isEqualTo(7);
        assertThat(frames.latest(0, img)).isTrue();
        assertThat(frames.framesReused()).as("same capture stamp twice").isEqualTo(1);
        stamp[0] = 8;
        frames.latest(0, img);
        assertThat(img.average(0, 3, 1)).isEqualTo(8.0);
        assertThat(frames.framesShrunk()).isEqualTo(3);
        assertThat(frames.framesReused()).isEqualTo(1);
    }

    @Test
    void thePolicyWorkerStartsAndClosesTheFrameSourceItManages() {
        int[] calls = new int[2];
        PolicyFrames source = new PolicyFrames() {
            @Override
            public boolean latest(int camera, ShrunkFrame into) {
                return false;
            }

            @Override
            public long framesShrunk() {
                return 0;
            }

            @Override
            public long framesReused() {
                return 0;
            }

            @Override
            public void start() {
                calls[0]++;
            }

            @Override
            public void close() {
                calls[1]++;
            }
        };
        PolicyWorker worker = new PolicyWorker((o, c) -> Double.NaN, new ObservationSlot(1, 0), new ChunkQueue(2, 1),
                System::nanoTime, 50, 1);
        worker.manage(source);
        worker.start();
        assertThat(calls).containsExactly(1, 0);
        worker.close();
        assertThat(calls).containsExactly(1, 1);
    }
}
