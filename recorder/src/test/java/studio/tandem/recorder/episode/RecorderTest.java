package studio.tandem.recorder.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static studio.tandem.recorder.episode.Rig.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.recorder.stage.StagingOutput;
import studio.tandem.recorder.align.AlignedColumn;

class RecorderTest {
    @TempDir
    Path root;
    Rig rig;

    @AfterEach
    void close() throws IOException {
        if (rig != null) {
            rig.close();
        }
    }

    private long stagedEntries() throws IOException {
        Path staging = StagedTree.staging(root);
        if (!Files.exists(staging)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(staging)) {
            return s.count();
        }
    }

    @Test
    void recordsAlignedRowsFramesAndEventsThenCleansTheStaging() throws Exception {
        rig = new Rig(root, Rig.config());
        assertThat(rig.recorder.open()).isEmpty();
        rig.run(50);
        rig.recorder.start(new EpisodeInfo("pick the cube", "ana", "first try"));
        long t0 = rig.clock.nanoTime();
        rig.run(400);
        rig.recorder.correct("now place it left");
        rig.recorder.event(new RecorderEvent.InterventionStart(rig.clock.nanoTime(), "arm"));
        rig.run(300);
        rig.recorder.event(new RecorderEvent.InterventionEnd(rig.clock.nanoTime()));
        rig.recorder.label(Outcome.SUCCESS);
        rig.run(300);
        long stopAt = rig.clock.nanoTime();
        EpisodeSummary s = rig.stopAndSave();

        int rows = (int) ((stopAt - t0) / (100 * MS / 3)) + 1;
        assertThat(s.rows()).isEqualTo(rows).isEqualTo(31);
        assertThat(s.episodeIndex()).isZero();
        EpisodeData d = rig.sink.episodes.get(0);
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.info().operator()).isEqualTo("ana");
        // state: latest sample at or before each row (samples every 5 ms carry their time in ms)
        AlignedColumn st = d.vectors().get("observation.state");
        long period = Math.round(1e9 / 30);
        for (int i = 0; i < rows; i++) {
            long t = t0 + i * period;
            double expected = Math.floorDiv(t - 1_000 * MS, 5 * MS) * 5 + 1_000;
            assertThat(st.get(i, 0)).as("row %d", i).isEqualTo(expected);
            assertThat(st.get(i, 1)).isEqualTo(-expected);
        }
        assertThat(st.missing()).isZero();
        // camera: the frame nearest each row, every row present
        byte[] video = rig.sink.videos.get(0).get("observation.images.front");
        assertThat(video.length).isEqualTo(rows * 16);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(video);
        for (int i = 0; i < rows; i++) {
            assertThat(b.getLong()).isEqualTo(i);
            long capture = b.getLong();
            long t = t0 + i * period;
            assertThat(capture).as("row %d", i).isEqualTo(rig.nearestFrame(t));
            assertThat(Math.abs(capture - t)).isLessThanOrEqualTo(period / 2);
        }
        StreamStats cam = s.streams().get("observation.images.front");
        assertThat(cam.dropped()).isZero();
        assertThat(cam.missing()).isZero();
        assertThat(cam.skew().maxAbsMs()).isLessThanOrEqualTo(1000.0 / 60);
        // events on rows: correction at 400 ms → row 12, intervention rows 12..21
        assertThat(d.taskPerFrame().get(11)).isEqualTo("pick the cube");
        assertThat(d.taskPerFrame().get(12)).isEqualTo("now place it left");
        assertThat(d.taskPerFrame().get(rows - 1)).isEqualTo("now place it left");
        assertThat(d.intervention()[11]).isFalse();
        assertThat(d.intervention()[12]).isTrue();
        assertThat(d.intervention()[20]).isTrue();
        assertThat(d.intervention()[21]).isFalse();
        assertThat(d.events()).extracting(EpisodeEvent::kind)
                .containsExactly("language_correction", "intervention_start", "intervention_end", "outcome");
        assertThat(d.events().get(0).timestamp()).isEqualTo(0.4, within(1e-9));
        assertThat(s.saveLatencyS()).isGreaterThanOrEqualTo(0);
        assertThat(stagedEntries()).isZero();
    }

    @Test
    void discardAndRerecordLeaveNoTrace() throws Exception {
        rig = new Rig(root, Rig.config());
        rig.recorder.open();
        rig.recorder.start(new EpisodeInfo("wave", null, null));
        rig.run(200);
        rig.recorder.discard();
        assertThat(stagedEntries()).isZero();
        assertThat(rig.sink.episodeCount()).isZero();
        assertThat(rig.recorder.isRecording()).isFalse();

        rig.recorder.start(new EpisodeInfo("wave", null, null));
        rig.run(200);
        rig.recorder.rerecord();
        long t0 = rig.clock.nanoTime();
        rig.run(100);
        EpisodeSummary s = rig.stopAndSave();
        assertThat(rig.sink.episodeCount()).isEqualTo(1);
        assertThat(s.rows()).isEqualTo(4);
        // only the re-recorded take: its first row is at the re-record instant
        EpisodeData d = rig.sink.episodes.get(0);
        assertThat(d.vectors().get("observation.state").get(0, 0))
                .isEqualTo(Math.floorDiv(t0 - 1_000 * MS, 5 * MS) * 5 + 1_000.0);
        assertThat(stagedEntries()).isZero();
        assertThatThrownBy(() -> rig.recorder.discard()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stalledCameraIsCountedAsMissingNotSilentlyRepeated() throws Exception {
        rig = new Rig(root, Rig.config());
        rig.recorder.open();
        rig.recorder.start(new EpisodeInfo("stall", null, null));
        rig.run(300);
        rig.cameraStalled = true;
        rig.run(300);
        rig.cameraStalled = false;
        rig.run(300);
        EpisodeSummary s = rig.stopAndSave();
        StreamStats cam = s.streams().get("observation.images.front");
        // ~9 rows without a fresh frame; those further than 1.5 periods from their frame are missing
        assertThat(cam.repeated()).isBetween(7L, 10L);
        assertThat(cam.missing()).isBetween(6L, 9L);
        assertThat(cam.skew().maxAbsMs()).isGreaterThan(100);
    }

    @Test
    void diskGuardStopsSavesAndTellsTheUser() throws Exception {
        long[] free = {10L << 30};
        String[] told = {null};
        rig = new Rig(root, Rig.config());
        rig.recorder.withDiskSpace(() -> free[0]).withListener(new RecorderListener() {
            @Override
            public void onAutoStop(String reason) {
                told[0] = reason;
            }
        });
        rig.recorder.open();
        rig.recorder.start(new EpisodeInfo("fill the disk", null, null));
        rig.run(500);
        free[0] = 100L << 20;
        while (rig.recorder.isRecording()) {
            rig.run(10);
        }
        assertThat(told[0]).contains("disk almost full").contains("100 MB left");
        EpisodeSummary s = rig.stopAndSave();
        assertThat(s.rows()).isGreaterThanOrEqualTo(15);
        assertThat(s.notes()).anyMatch(n -> n.contains("disk almost full"));
        assertThat(rig.sink.episodeCount()).isEqualTo(1);
        assertThat(stagedEntries()).isZero();
    }

    @Test
    void fullDiskAtTheFileLayerStopsRecordingAndSavesWhatWasWritten() throws Exception {
        long[] budget = {6_000};
        String[] told = {null};
        StagingOutput.Factory filling = file -> {
            StagingOutput real = StagingOutput.appendTo(file);
            boolean vectors = file.getFileName().toString().equals("vectors.log");
            return new StagingOutput() {
                @Override
                public void write(java.nio.ByteBuffer src) throws IOException {
                    if (vectors && src.remaining() > budget[0]) {
                        throw new IOException("No space left on device");
                    }
                    if (vectors) {
                        budget[0] -= src.remaining();
                    }
                    real.write(src);
                }

                @Override
                public void sync() throws IOException {
                    real.sync();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
        rig = new Rig(root, Rig.config());
        rig.recorder.withOutputs(filling).withListener(new RecorderListener() {
            @Override
            public void onAutoStop(String reason) {
                told[0] = reason;
            }
        });
        rig.recorder.open();
        rig.recorder.start(new EpisodeInfo("until the disk is full", null, null));
        for (int i = 0; i < 400 && rig.recorder.isRecording(); i++) {
            rig.run(10);
        }
        assertThat(rig.recorder.isRecording()).isFalse();
        assertThat(told[0]).contains("No space left on device");
        EpisodeSummary s = rig.stopAndSave();
        // what reached the disk before it filled is saved: ~6 kB of 36-byte samples at 200 Hz ≈ 0.8 s
        assertThat(s.rows()).isBetween(10, 40);
        assertThat(s.notes()).anyMatch(n -> n.contains("No space left on device"));
        EpisodeData d = rig.sink.episodes.get(0);
        assertThat(d.vectors().get("observation.state").missing()).isZero();
        assertThat(stagedEntries()).isZero();
    }
}
