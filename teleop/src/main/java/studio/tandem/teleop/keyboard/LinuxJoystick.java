package studio.tandem.teleop.keyboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gamepad through the Linux joystick interface ({@code /dev/input/jsN}): a reader thread decodes the
 * kernel's 8-byte {@code js_event}s (u32 time ms, s16 value, u8 type, u8 number; little endian; type 1
 * button, 2 axis, 0x80 initial state) into latest axis values and a button mask that
 * {@link #poll(float[])} copies out. While the device is absent or unplugged, {@code poll} returns -1
 * with the reason in {@link #problem()}, and the reader reopens it every {@code retryMillis}, so a
 * replugged pad comes back by itself. Axis values are scaled to [-1, 1].
 */
public final class LinuxJoystick implements AxisSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxJoystick.class);
    private static final int MAX_AXES = 8;
    static final int TYPE_BUTTON = 0x01;
    static final int TYPE_AXIS = 0x02;
    static final int TYPE_INIT = 0x80;

    private final Path device;
    private final long retryMillis;
    private final float[] axes = new float[MAX_AXES];
    private final AtomicLong buttons = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean open;
    private volatile boolean running;
    private volatile String problem;
    private volatile InputStream stream;
    private Thread reader;

    /** @param device e.g. {@code /dev/input/js0}; nothing is opened until {@link #start()} */
    public LinuxJoystick(Path device, long retryMillis) {
        this.device = device;
        this.retryMillis = retryMillis;
        this.problem = "gamepad " + device + " not opened yet";
    }

    /** Starts the reader thread (idempotent). Any thread. */
    public synchronized LinuxJoystick start() {
        if (running) {
            return this;
        }
        running = true;
        reader = new Thread(this::run, "gamepad-" + device.getFileName());
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    private void run() {
        byte[] event = new byte[8];
        while (running) {
            try (InputStream in = Files.newInputStream(device)) {
                stream = in;
                open = true;
                problem = "";
                LOG.info("gamepad {} opened", device);
                while (running && readFully(in, event)) {
                    decode(event);
                }
            } catch (IOException e) {
                problem = "no gamepad at " + device + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            markClosed();
            sleep(retryMillis);
        }
    }

    private void markClosed() {
        if (open) {
            LOG.warn("gamepad {} lost; retrying every {} ms", device, retryMillis);
            if (problem.isEmpty()) {
                problem = "gamepad " + device + " unplugged";
            }
        }
        open = false;
        stream = null;
        buttons.set(0);
        synchronized (axes) {
            java.util.Arrays.fill(axes, 0f);
        }
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int n = 0;
        while (n < b.length) {
            int r = in.read(b, n, b.length - n);
            if (r < 0) {
                return false;
            }
            n += r;
        }
        return true;
    }

    /** Applies one {@code js_event}. Reader thread (tests call it directly). */
    void decode(byte[] e) {
        int value = (short) ((e[4] & 0xff) | (e[5] << 8));
        int type = e[6] & 0xff & ~TYPE_INIT;
        int number = e[7] & 0xff;
        if (type == TYPE_AXIS && number < MAX_AXES) {
            synchronized (axes) {
                axes[number] = Math.max(-1f, value / 32767f);
            }
        } else if (type == TYPE_BUTTON && number < 64) {
            long bit = 1L << number;
            long b;
            do {
                b = buttons.get();
            } while (!buttons.compareAndSet(b, value != 0 ? b | bit : b & ~bit));
        } else {
            malformed.incrementAndGet();
        }
    }

    @Override
    public long poll(float[] out) {
        if (!open) {
            return -1;
        }
        synchronized (axes) {
            System.arraycopy(axes, 0, out, 0, Math.min(out.length, MAX_AXES));
        }
        return buttons.get();
    }

    @Override
    public int axisCount() {
        return MAX_AXES;
    }

    /** Whether the device is open now. Any thread. */
    public boolean connected() {
        return open;
    }

    /** Why the pad is not delivering (empty while it is). Any thread. */
    public String problem() {
        return problem;
    }

    /** Events of an unknown type or number, counted (never dropped silently). */
    public long malformedCount() {
        return malformed.get();
    }

    public Path device() {
        return device;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the reader (a blocked read ends when the stream closes). Idempotent. */
    @Override
    public synchronized void close() {
        running = false;
        InputStream s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", device, e.toString());
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
