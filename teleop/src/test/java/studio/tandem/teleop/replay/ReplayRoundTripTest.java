package studio.tandem.teleop.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.input.Side;
import studio.tandem.teleop.keyboard.KeyboardDevice;

class ReplayRoundTripTest {
    private static final long MS = 1_000_000L;
    @TempDir
    Path dir;

    /** Records 100 pose samples (10 ms apart) on two channels and 10 hand samples. */
    private Path record(ManualClock clock) throws IOException {
        Path file = dir.resolve("stream.tds");
        ProgrammaticDevice dev = new ProgrammaticDevice("vr", clock, "left", "right");
        dev.connect();
        try (StreamRecorder rec = new StreamRecorder(file, dev.id(), "openxr", List.of("left", "right"))) {
            dev.setTap(rec);
            PoseSample s = new PoseSample();
            HandJointsSample h = new HandJointsSample();
            for (int i = 0; i < 100; i++) {
                s.set(clock.nanoTime(), i * 0.01, -i * 0.02, 1.0 / (i + 1), 0, 0, Math.sin(i * 0.01), Math.cos(i * 0.01))
                        .setInputs(i % 3, i / 100.0, 0.5, i != 50);
                dev.publish(i % 2, s);
                if (i % 10 == 0) {
                    h.setHeader(clock.nanoTime(), true);
                    h.setJoint(HandJoint.INDEX_TIP.ordinal(), 0.1 * i, 0.2, 0.3, 0, 0, 0, 1, 0.008, true);
                    dev.publish(Side.RIGHT, h);
                }
                clock.advanceNanos(10 * MS);
            }
            assertThat(rec.records()).isEqualTo(110);
            assertThat(Files.exists(file)).isFalse(); // written to a temp file until closed
        }
        assertThat(Files.exists(file)).isTrue();
        return file;
    }

    @Test
    void recordedStreamReadsBackIdentically() throws IOException {
        Path file = record(new ManualClock(5_000 * MS));
        try (StreamReader r = new StreamReader(file)) {
            assertThat(r.deviceId()).isEqualTo("vr");
            assertThat(r.deviceKind()).isEqualTo("openxr");
            assertThat(r.channels()).containsExactly("left", "right");
            PoseSample p = new PoseSample();
            HandJointsSample h = new HandJointsSample();
            int poses = 0;
            int hands = 0;
            int kind;
            while ((kind = r.next(p, h)) >= 0) {
                if (kind == StreamFormat.POSE) {
                    int i = poses++;
                    assertThat(r.offsetNanos()).isEqualTo(i * 10 * MS);
                    assertThat(r.channel()).isEqualTo(i % 2);
                    assertThat(p.px()).isEqualTo(i * 0.01);
                    assertThat(p.pz()).isEqualTo(1.0 / (i + 1));
                    assertThat(p.qw()).isEqualTo(Math.cos(i * 0.01));
                    assertThat(p.buttons()).isEqualTo(i % 3);
                    assertThat(p.trigger()).isEqualTo((float) (i / 100.0));
                    assertThat(p.trackingValid()).isEqualTo(i != 50);
                } else {
                    assertThat(r.channel()).isEqualTo(Side.RIGHT.ordinal());
                    assertThat(h.x(HandJoint.INDEX_TIP.ordinal())).isEqualTo((float) (0.1 * hands * 10));
                    hands++;
                }
            }
            assertThat(poses).isEqualTo(100);
            assertThat(hands).isEqualTo(10);
            assertThat(r.truncatedRecords()).isZero();
        }
    }

    @Test
    void replayPublishesWithOriginalTimingScaledBySpeed() throws Exception {
        Path file = record(new ManualClock(0));
        ManualClock clock = new ManualClock(77 * MS);
        ReplayDevice replay = ReplayDevice.forFile("replay", clock, file, 2.0, false);
        assertThat(replay.poseChannels()).isEqualTo(2);
        replay.open();
        PoseSample p = new PoseSample();
        replay.step(clock.nanoTime());
        assertThat(replay.readPose(0, p)).isTrue();
        assertThat(p.px()).isEqualTo(0.0);
        assertThat(p.captureNanos()).isEqualTo(77 * MS); // re-stamped with the replay clock
        clock.advanceNanos(250 * MS); // = 500 ms of recording at 2x: samples 0..50 are due
        long wait = replay.step(clock.nanoTime());
        assertThat(wait).isEqualTo(5 * MS);
        replay.readPose(0, p);
        assertThat(p.px()).isEqualTo(0.50);
        assertThat(p.trackingValid()).isFalse(); // sample 50 lost tracking
        HandJointsSample h = new HandJointsSample();
        assertThat(replay.readHand(Side.RIGHT, h)).isTrue();
        assertThat(h.x(HandJoint.INDEX_TIP.ordinal())).isEqualTo(5.0f);
        clock.advanceNanos(1000 * MS);
        assertThat(replay.step(clock.nanoTime())).isEqualTo(Long.MAX_VALUE);
        assertThat(replay.finished()).isTrue();
        assertThat(replay.publishedCount()).isEqualTo(110);
        replay.close();
    }

    @Test
    void replayThreadRunsAKeyboardRecordingAsFastAsPossible() throws Exception {
        Path file = dir.resolve("kb.tds");
        ManualClock clock = new ManualClock(0);
        KeyboardDevice kb = new KeyboardDevice("kb", clock);
        StreamRecorder rec = new StreamRecorder(file, "kb", "keyboard", List.of("tool"));
        kb.setTap(rec);
        kb.keyDown("W");
        for (int i = 0; i < 250; i++) {
            clock.advanceNanos(4 * MS);
            kb.step(clock.nanoTime());
        }
        rec.close();
        PoseSample last = new PoseSample();
        kb.readPose(0, last);
        try (ReplayDevice replay = ReplayDevice.forFile("r", NanoClock.SYSTEM, file, Double.POSITIVE_INFINITY, false)) {
            replay.connect();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!replay.finished()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(1);
            }
            PoseSample p = new PoseSample();
            replay.readPose(0, p);
            assertThat(p.px()).isEqualTo(last.px());
        }
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile() throws IOException {
        Path junk = dir.resolve("junk.tds");
        Files.writeString(junk, "hello world, not a stream");
        assertThatThrownBy(() -> new StreamReader(junk)).isInstanceOf(IOException.class)
                .hasMessage(junk + ": not a Tandem device stream (bad magic)");
        assertThatThrownBy(() -> new StreamReader(dir.resolve("missing.tds")))
                .hasMessageContaining("missing.tds: no such device-stream file");
        ReplayDevice r = new ReplayDevice("r", NanoClock.SYSTEM, junk, List.of("tool"), 1, false);
        assertThatThrownBy(r::connect).isInstanceOf(DeviceException.class).hasMessageContaining("bad magic");
    }

    @Test
    void truncatedTailIsCountedNotFatal() throws IOException {
        Path file = record(new ManualClock(0));
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.tds");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
        try (StreamReader r = new StreamReader(cut)) {
            int n = 0;
            while (r.next(new PoseSample(), new HandJointsSample()) >= 0) {
                n++;
            }
            assertThat(n).isEqualTo(109);
            assertThat(r.truncatedRecords()).isEqualTo(1);
        }
    }
}
