package studio.tandem.teleop.spacemouse;

import java.io.IOException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.input.AbstractOperatorDevice;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.TwistIntegrator;

/**
 * A 3Dconnexion SpaceMouse as a rate-control operator device: deflection is a velocity twist
 * integrated into a virtual tool pose (channel 0, {@code tool}), published at least every
 * {@code pollMillis} from the device's own thread. Source: spacenavd's socket (protocol v1, falling
 * back to v0), else raw HID. When the connection is lost (unplug, daemon restart) the device is in
 * FAULT and reconnects with exponential backoff. The clutch bit is always set (rate control needs
 * no clutch); button 0 toggles the gripper (trigger 0/1), button 1 maps to {@link PoseSample#BUTTON_A}.
 */
public final class SpaceMouseDevice extends AbstractOperatorDevice implements SpaceMouseListener {
    private static final Logger LOG = LoggerFactory.getLogger(SpaceMouseDevice.class);

    private final SpaceMouseConfig cfg;
    private final Supplier<HidTransport> hidFactory;
    private final TwistIntegrator integrator = new TwistIntegrator();
    private final PoseSample sample = new PoseSample();
    private final DeviceThread worker = new DeviceThread();
    private final int[] raw = new int[6];
    private final byte[] report = new byte[64];
    private int[] map;
    private long rawButtons;
    private boolean gripClosed;
    private long lastPublish;
    private long lastIntegrate;
    private volatile String source = "";
    private SpnavClient spnav;
    private HidTransport hid;
    private HidReportParser parser;

    public SpaceMouseDevice(String id, NanoClock clock, SpaceMouseConfig cfg, Supplier<HidTransport> hidFactory) {
        super(id, clock, false, "tool");
        this.cfg = cfg;
        this.hidFactory = hidFactory;
    }

    public SpaceMouseDevice(String id, NanoClock clock, SpaceMouseConfig cfg) {
        this(id, clock, cfg, Hid4JavaTransport::new);
    }

    /**
     * Connects to spacenavd (or raw HID) and starts the device thread.
     *
     * @throws DeviceException with a one-line reason when neither is available
     */
    @Override
    public synchronized void connect() throws DeviceException {
        if (worker.running()) {
            return;
        }
        String why = open();
        if (why != null) {
            fault(why);
            throw new DeviceException(why);
        }
        setState(DeviceState.CONNECTED);
        lastPublish = clock.nanoTime();
        worker.start("spacemouse-" + id(), this::run);
    }

    /** Tries the daemon, then HID; null on success, else a one-line reason. Device thread or connect(). */
    private String open() {
        SpnavClient c = new SpnavClient(cfg.socket(), this);
        try {
            int v = c.connect(cfg.handshakeMillis());
            spnav = c;
            map = cfg.spnavAxisMap();
            source = "spacenavd v" + v + " at " + cfg.socket();
            LOG.info("{}: connected to {}", id(), source);
            return null;
        } catch (IOException e) {
            c.close();
        }
        if (!cfg.hidFallback()) {
            return "SpaceMouse: no spacenavd at " + cfg.socket() + " (raw HID disabled)";
        }
        HidTransport t = hidFactory.get();
        try {
            SpaceMouseModel m = t.open();
            if (m != null) {
                hid = t;
                parser = new HidReportParser(m.layout());
                map = cfg.hidAxisMap();
                source = "raw HID " + m.displayName();
                LOG.info("{}: connected to {}", id(), source);
                return null;
            }
            t.close();
            return "SpaceMouse: no spacenavd at " + cfg.socket() + " and no 3Dconnexion device on USB";
        } catch (IOException e) {
            t.close();
            return "SpaceMouse: no spacenavd at " + cfg.socket() + " and " + e.getMessage();
        }
    }

    private void run() {
        long backoff = cfg.reconnectMinMillis();
        while (worker.running()) {
            String lost = serve();
            closeSources();
            if (!worker.running()) {
                break;
            }
            fault("SpaceMouse lost (" + lost + "); reconnecting");
            LOG.warn("{}: {}", id(), faultReason());
            while (worker.running()) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, cfg.reconnectMaxMillis());
                String why = open();
                if (why == null) {
                    clearMotion();
                    recovered();
                    backoff = cfg.reconnectMinMillis();
                    break;
                }
                fault(why);
            }
        }
    }

    /** Reads and publishes until the source fails; returns why. */
    private String serve() {
        try {
            while (worker.running()) {
                if (spnav != null) {
                    spnav.poll(cfg.pollMillis());
                } else {
                    int n = hid.read(report, (int) cfg.pollMillis());
                    if (n > 0) {
                        handleReport(n);
                    }
                }
                publishNow();
            }
            return "closed";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void handleReport(int n) {
        HidReportParser.Kind k = parser.parse(report, n);
        if (k == HidReportParser.Kind.MOTION) {
            onMotion(parser.axis(0), parser.axis(1), parser.axis(2), parser.axis(3), parser.axis(4), parser.axis(5));
        } else if (k == HidReportParser.Kind.BUTTONS) {
            long changed = parser.buttons() ^ rawButtons;
            for (int b = 0; b < 64; b++) {
                if ((changed & (1L << b)) != 0) {
                    onButton(b, (parser.buttons() & (1L << b)) != 0);
                }
            }
        } else if (k == HidReportParser.Kind.MALFORMED) {
            countDropped();
        }
    }

    @Override
    public void onMotion(int tx, int ty, int tz, int rx, int ry, int rz) {
        integrateUntilNow(); // the previous deflection applied until this event
        raw[0] = tx;
        raw[1] = ty;
        raw[2] = tz;
        raw[3] = rx;
        raw[4] = ry;
        raw[5] = rz;
    }

    @Override
    public void onButton(int index, boolean pressed) {
        if (index < 0 || index >= 64) {
            countDropped();
            return;
        }
        long bit = 1L << index;
        if (pressed && index == 0 && (rawButtons & bit) == 0) {
            gripClosed = !gripClosed;
        }
        rawButtons = pressed ? rawButtons | bit : rawButtons & ~bit;
    }

    private void integrateUntilNow() {
        long now = clock.nanoTime();
        double dt = lastIntegrate == 0 ? 0 : Math.min(0.1, (now - lastIntegrate) * 1e-9);
        lastIntegrate = now;
        double lin = cfg.maxSpeed() / cfg.fullScale();
        double ang = cfg.maxAngularSpeed() / cfg.fullScale();
        integrator.integrate(mapped(0) * lin, mapped(1) * lin, mapped(2) * lin,
                mapped(3) * ang, mapped(4) * ang, mapped(5) * ang, dt);
    }

    /** Output axis i from the raw axes, with dead band and sign. */
    private double mapped(int i) {
        int src = map[i];
        int v = raw[Math.abs(src) - 1];
        if (Math.abs(v) <= cfg.deadBand()) {
            return 0;
        }
        double clamped = Math.max(-cfg.fullScale(), Math.min(cfg.fullScale(), v));
        return src < 0 ? -clamped : clamped;
    }

    private void publishNow() {
        integrateUntilNow();
        long now = lastIntegrate;
        integrator.writeTo(sample, now);
        long buttons = 1L << PoseSample.BUTTON_CLUTCH;
        if ((rawButtons & 2L) != 0) {
            buttons |= 1L << PoseSample.BUTTON_A;
        }
        sample.setInputs(buttons, gripClosed ? 1.0 : 0.0, 0.0, true);
        publishPose(0, sample);
        lastPublish = now;
    }

    private void clearMotion() {
        java.util.Arrays.fill(raw, 0);
        rawButtons = 0;
        lastIntegrate = 0;
    }

    private void closeSources() {
        if (spnav != null) {
            spnav.close();
            spnav = null;
        }
        if (hid != null) {
            hid.close();
            hid = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the input comes from, e.g. {@code spacenavd v1 at /var/run/spnav.sock}. */
    public String source() {
        return source;
    }

    /** Time of the last published sample (clock nanos). */
    public long lastPublishNanos() {
        return lastPublish;
    }

    @Override
    public void close() {
        worker.stop(true, 2000);
        closeSources();
        setState(DeviceState.DISCONNECTED);
    }
}
