package studio.tandem.teleop.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux joystick reader: js_event decoding, and an absent pad that reports why and polls -1. */
class LinuxJoystickTest {
    @TempDir
    Path dir;

    private static byte[] event(int value, int type, int number) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1234).putShort((short) value)
                .put((byte) type).put((byte) number).array();
    }

    @Test
    void decodesEventsFromTheDeviceAndComesBackWhenReplugged() throws Exception {
        Path fifo = dir.resolve("js0");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        LinuxJoystick pad = new LinuxJoystick(fifo, 20).start();
        float[] axes = new float[pad.axisCount()];
        try {
            for (int plug = 0; plug < 2; plug++) {
                try (OutputStream dev = Files.newOutputStream(fifo)) {
                    dev.write(event(32767, LinuxJoystick.TYPE_AXIS | LinuxJoystick.TYPE_INIT, 1));
                    dev.write(event(-16384, LinuxJoystick.TYPE_AXIS, 3));
                    dev.write(event(1, LinuxJoystick.TYPE_BUTTON, 2));
                    dev.write(event(5, 0x04, 0));
                    dev.flush();
                    waitFor(() -> pad.poll(axes) == 0b100);
                    assertThat(pad.connected()).isTrue();
                    assertThat(pad.problem()).isEmpty();
                    assertThat(axes[1]).isEqualTo(1f);
                    assertThat(axes[3]).isCloseTo(-0.5f, org.assertj.core.data.Offset.offset(1e-3f));
                    dev.write(event(0, LinuxJoystick.TYPE_BUTTON, 2));
                    dev.flush();
                    waitFor(() -> pad.poll(axes) == 0);
                }
                waitFor(() -> !pad.connected());
                assertThat(pad.poll(axes)).as("unplugged").isEqualTo(-1);
                assertThat(pad.problem()).contains("unplugged");
            }
            assertThat(pad.malformedCount()).as("unknown event type counted, once per plug").isEqualTo(2);
        } finally {
            pad.close();
            Thread unblock = new Thread(() -> { // the reader may wait in open() for a writer
                try (OutputStream w = Files.newOutputStream(fifo)) {
                    w.flush();
                } catch (java.io.IOException e) {
                    // the reader is gone
                }
            });
            unblock.setDaemon(true);
            unblock.start();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!ok.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(end);
            Thread.sleep(5);
        }
    }

    @Test
    void anAbsentPadPollsMinusOneWithTheReason() throws Exception {
        LinuxJoystick pad = new LinuxJoystick(dir.resolve("js9"), 50).start();
        try {
            long end = System.nanoTime() + 5_000_000_000L;
            while (pad.problem().contains("not opened yet") && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(pad.poll(new float[8])).isEqualTo(-1);
            assertThat(pad.connected()).isFalse();
            assertThat(pad.problem()).startsWith("no gamepad at " + dir.resolve("js9")).doesNotContain("\n");
        } finally {
            pad.close();
        }
    }
}
