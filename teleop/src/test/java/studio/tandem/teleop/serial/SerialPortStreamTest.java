package studio.tandem.teleop.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SerialPortStreamTest {

    @Test
    void missingPortIsNamedInOneLine() {
        assertThatThrownBy(() -> SerialOpener.PORTS.open("/dev/ttyTANDEM-none", 115_200))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("serial port /dev/ttyTANDEM-none: ")
                .hasMessageNotContaining("\n");
    }

    /**
     * A real serial port: a pseudo-terminal whose other end is a small echo process (skipped without python3).
     * Covers open with line settings, write, read with timeout, and the peer going away.
     */
    @Test
    void pseudoTerminalRoundTripTimeoutAndLoss() throws Exception {
        String script = String.join("\n",
                "import os, pty, sys, tty",
                "m, s = pty.openpty()",
                "tty.setraw(s)",
                "print(os.ttyname(s), flush=True)",
                "data = b''",
                "while len(data) < 5:",
                "    data += os.read(m, 5 - len(data))",
                "os.write(m, data[::-1])",
                "sys.stdin.readline()");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).start();
        } catch (IOException e) {
            Assumptions.abort("python3 not available: " + e.getMessage());
            return;
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            String tty = out.readLine();
            Assumptions.assumeTrue(tty != null && tty.startsWith("/dev/"), "no pseudo-terminal");
            try (ByteStream link = SerialOpener.PORTS.open(tty, 115_200)) {
                byte[] buf = new byte[8];
                long t0 = System.nanoTime();
                assertThat(link.read(buf, 0, 8, 20_000_000L)).isZero();
                assertThat(System.nanoTime() - t0).as("timeout honoured (ns)").isBetween(15_000_000L, 500_000_000L);
                link.write(new byte[] {1, 2, 3, 4, 5}, 0, 5);
                assertThat(link.readFully(buf, 0, 5, System.nanoTime() + 2_000_000_000L)).isEqualTo(5);
                assertThat(buf).startsWith(5, 4, 3, 2, 1);
                p.getOutputStream().write('\n');
                p.getOutputStream().flush();
                assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        link.read(buf, 0, 8, 10_000_000L);
                    }
                }).isInstanceOf(IOException.class).hasMessageContaining(tty);
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
