package studio.tandem.teleop.spacemouse;

import java.io.IOException;

import org.hid4java.HidDevice;
import org.hid4java.HidManager;
import org.hid4java.HidServices;
import org.hid4java.HidServicesSpecification;

/** {@link HidTransport} over hid4java (hidapi, bundled natives). Device thread only. */
public final class Hid4JavaTransport implements HidTransport {
    private HidServices services;
    private HidDevice device;

    @Override
    public SpaceMouseModel open() throws IOException {
        try {
            if (services == null) {
                HidServicesSpecification spec = new HidServicesSpecification();
                spec.setAutoStart(false);
                spec.setAutoShutdown(false);
                services = HidManager.getHidServices(spec);
            }
            services.scan();
            for (HidDevice d : services.getAttachedHidDevices()) {
                SpaceMouseModel m = SpaceMouseModel.find(d.getVendorId(), d.getProductId());
                if (m != null && d.open()) {
                    device = d;
                    return m;
                }
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("raw HID unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buf, int timeoutMillis) throws IOException {
        if (device == null) {
            throw new IOException("no HID device open");
        }
        int n = device.read(buf, timeoutMillis);
        if (n < 0) {
            throw new IOException("SpaceMouse HID read failed (unplugged?): " + device.getLastErrorMessage());
        }
        return n;
    }

    /** Closes the device. The HidServices stay: hid4java keeps one per process, reused on reconnect. */
    @Override
    public void close() {
        if (device != null) {
            device.close();
            device = null;
        }
    }
}
