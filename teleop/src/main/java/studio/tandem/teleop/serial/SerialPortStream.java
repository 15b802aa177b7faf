package studio.tandem.teleop.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * A serial port (USB-serial adapter, RS-485 converter) through jSerialComm: 8 data bits, 1 stop bit, no
 * parity, semi-blocking reads in slices of {@link #SLICE_MS} so a timeout is honoured to that precision.
 * A failed read or write (the adapter was unplugged) raises {@link IOException}. I/O thread only.
 */
public final class SerialPortStream implements ByteStream {
    /** Granularity of read timeouts (ms). */
    public static final int SLICE_MS = 2;

    private final SerialPort port;
    private final String name;
    private final byte[] sink = new byte[256];
    private volatile boolean closed;

    private SerialPortStream(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens {@code device} at {@code baud}.
     *
     * @throws IOException naming the port when it does not exist, is busy or refuses the baud rate
     */
    public static SerialPortStream open(String device, int baud) throws IOException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + device + ": no such port", e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, SLICE_MS,
                100);
        if (!p.openPort()) {
            throw new IOException("serial port " + device + ": cannot open at " + baud + " baud (missing, busy, or "
                    + "no permission: add the user to the dialout group); error " + p.getLastErrorCode());
        }
        return new SerialPortStream(p, device);
    }

    @Override
    public int read(byte[] buf, int off, int len, long timeoutNanos) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (closed) {
                throw new IOException("serial port " + name + ": closed");
            }
            int n = port.readBytes(buf, len, off);
            if (n < 0) {
                throw new IOException("serial port " + name + ": read failed (unplugged?); error "
                        + port.getLastErrorCode());
            }
            if (n > 0 || System.nanoTime() >= deadline) {
                return n;
            }
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (closed) {
                throw new IOException("serial port " + name + ": closed");
            }
            int n = port.writeBytes(buf, len - done, off + done);
            if (n <= 0) {
                throw new IOException("serial port " + name + ": write failed (unplugged?); error "
                        + port.getLastErrorCode());
            }
            done += n;
        }
    }

    @Override
    public void discardInput() throws IOException {
        int avail = port.bytesAvailable();
        if (avail < 0) {
            throw new IOException("serial port " + name + ": lost (unplugged?)");
        }
        while (avail > 0) {
            int n = port.readBytes(sink, Math.min(avail, sink.length), 0);
            if (n <= 0) {
                break;
            }
            avail -= n;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }
}
