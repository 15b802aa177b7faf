package studio.tandem.teleop.usbcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.CameraFrame;

class UsbCameraTest {
    private final ManualClock clock = new ManualClock(100);
    private UsbCamera camera;

    @AfterEach
    void tearDown() {
        if (camera != null) {
            camera.close();
        }
    }

    /** Frames filled with their number; a gap of 2 missing frames at frame 5; unplugged at frame 12; replugged on the 3rd reopen. */
    static final class ScriptedSource implements FrameSource {
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger grabs = new AtomicInteger();
        volatile int unplugAt = 12;
        volatile int failOpens;

        @Override
        public Negotiated open() throws IOException {
            if (opens.incrementAndGet() > 1 && failOpens-- > 0) {
                throw new IOException("camera /dev/video9: no such device");
            }
            return new Negotiated("mjpeg", 8, 4, 30);
        }

        @Override
        public long grab(ByteBuffer rgb) throws IOException {
            int n = grabs.incrementAndGet();
            if (n == unplugAt) {
                throw new IOException("camera /dev/video9: capture failed (No such device)");
            }
            for (int i = 0; i < rgb.capacity(); i++) {
                rgb.put(i, (byte) n);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            return (n < 5 ? n : n + 2) * 33_333L;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void capturesCountsGapsAndReconnectsAfterUnplug() throws Exception {
        ScriptedSource src = new ScriptedSource();
        src.failOpens = 2;
        camera = new UsbCamera(new UsbCameraConfig("wrist", "/dev/video9", 8, 4, 30, "mjpeg", 20), c -> src, clock,
                r -> new Thread(r, "cam-test"));
        assertThat(src.opens).as("constructor does no I/O").hasValue(0);
        assertThat(camera.observationFeatures().all()).hasSize(1);
        camera.connect();
        camera.activate();
        assertThat(camera.negotiated().toString()).isEqualTo("mjpeg 8x4 @ 30.0 fps");
        CameraFrame out = new CameraFrame(8, 4);
        waitFor(() -> camera.state() == DeviceState.FAULT);
        assertThat(camera.faultReason()).isEqualTo("wrist: camera /dev/video9: capture failed (No such device); "
                + "reconnecting every 20 ms");
        assertThatThrownBy(() -> camera.readLatest(out)).isInstanceOf(IllegalStateException.class);
        waitFor(() -> camera.state() == DeviceState.ACTIVE);
        assertThat(camera.reconnects()).isEqualTo(1);
        assertThat(src.opens).hasValue(4);
        waitFor(() -> camera.framesCaptured() >= 14);
        assertThat(camera.readLatest(out)).isTrue();
        assertThat(out.rgb().get(0)).isEqualTo((byte) (out.sequence() + 1));
        assertThat(out.stampNanos()).isEqualTo(100);
        assertThat(camera.framesLate()).isEqualTo(1);
        assertThat(camera.framesDropped()).isEqualTo(2);
        camera.close();
        assertThat(camera.state()).isEqualTo(DeviceState.DISCONNECTED);
        assertThatThrownBy(() -> camera.readLatest(out)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readLatestCopiesOnlyNewFrames() throws Exception {
        ScriptedSource src = new ScriptedSource();
        src.unplugAt = 4;
        camera = new UsbCamera(new UsbCameraConfig("wrist", "/dev/video9", 8, 4, 30, "mjpeg", 0), c -> src, clock,
                r -> new Thread(r, "cam-test"));
        camera.connect();
        waitFor(() -> camera.state() == DeviceState.FAULT);
        assertThat(camera.faultReason()).doesNotContain("reconnecting");
        camera.connect();
        CameraFrame out = new CameraFrame(8, 4);
        waitFor(() -> camera.framesCaptured() >= 1);
        Thread.sleep(20);
        assertThat(camera.readLatest(out)).isTrue();
        assertThat(camera.readLatest(out)).isFalse();
        assertThatThrownBy(() -> camera.readLatest(new CameraFrame(4, 4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesMjpegThroughFfmpegAndScales(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cam.avi");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), 64, 48)) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            rec.setFrameRate(10);
            rec.setVideoQuality(2);
            rec.start();
            for (int i = 0; i < 5; i++) {
                Frame f = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                ByteBuffer b = (ByteBuffer) f.image[0];
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 64; x++) {
                        int o = y * f.imageStride + 3 * x;
                        b.put(o, (byte) 20).put(o + 1, (byte) 40).put(o + 2, (byte) (x < 32 ? 220 : 30));
                    }
                }
                rec.record(f);
            }
            rec.stop();
        }
        UsbCameraConfig cfg = new UsbCameraConfig("file", file.toString(), 32, 24, 10, "auto", 0);
        camera = new UsbCamera(cfg, c -> new FfmpegFrameSource(c.device(), null, null, 32, 24, 10), clock,
                r -> new Thread(r, "cam-test"));
        camera.connect();
        assertThat(camera.negotiated().codec()).isEqualTo("mjpeg");
        assertThat(camera.negotiated().width()).isEqualTo(64);
        waitFor(() -> camera.state() == DeviceState.FAULT);
        assertThat(camera.faultReason()).contains("stream ended");
        assertThat(camera.framesCaptured()).isEqualTo(5);
        camera.close();
        ByteBuffer rgb = ByteBuffer.allocateDirect(32 * 24 * 3);
        try (FfmpegFrameSource direct = new FfmpegFrameSource(file.toString(), null, null, 32, 24, 10)) {
            assertThat(direct.open().height()).isEqualTo(48);
            for (int i = 0; i < 5; i++) {
                assertThat(direct.grab(rgb)).isEqualTo(i * 100_000L);
            }
            assertThatThrownBy(() -> direct.grab(rgb)).hasMessageContaining("stream ended");
        }
        int left = 3 * (12 * 32 + 4);
        int right = 3 * (12 * 32 + 28);
        assertThat(rgb.get(left) & 0xFF).as("red, left half").isBetween(200, 240);
        assertThat(rgb.get(left + 2) & 0xFF).as("blue, left half").isBetween(5, 35);
        assertThat(rgb.get(right) & 0xFF).as("red, right half").isBetween(15, 45);
        assertThat(rgb.get(right + 1) & 0xFF).as("green").isBetween(25, 55);
    }

    @Test
    void missingDeviceIsNamedAndConfigIsChecked() {
        UsbCamera cam = new UsbCamera(UsbCameraConfig.defaults("top", "/dev/video-none"), clock);
        assertThatThrownBy(cam::connect).isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("top: camera /dev/video-none: cannot open mjpeg 640x480 @ 30.0 fps");
        assertThat(cam.state()).isEqualTo(DeviceState.DISCONNECTED);
        UsbCameraConfig c = UsbCameraConfig.fromMap("top", Map.of("type", "usb", "device", "/dev/video2",
                "width", 1280, "height", 720, "fps", 60));
        assertThat(c.inputFormat()).isEqualTo("mjpeg");
        assertThat(c.fps()).isEqualTo(60.0);
        assertThatThrownBy(() -> UsbCameraConfig.fromMap("top", Map.of("device", "/dev/video2", "input_format", "h264")))
                .hasMessage("top.input_format: 'h264' is not mjpeg, yuyv422 or auto");
        assertThatThrownBy(() -> UsbCameraConfig.fromMap("top", Map.of())).hasMessage("top.device: missing");
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(2);
        }
    }
}
