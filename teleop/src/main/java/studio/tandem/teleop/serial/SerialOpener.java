package studio.tandem.teleop.serial;

import java.io.IOException;
import studio.tandem.teleop.device.DeviceException;

/** Opens the byte link of a serial device; real drivers use {@link SerialPortStream#open}, tests an in-memory peer. */
@FunctionalInterface
public interface SerialOpener {

    /** The real serial ports (jSerialComm). */
    SerialOpener PORTS = SerialPortStream::open;

    ByteStream open(String device, int baud) throws IOException;

    /**
     * Opens {@code device} for driver {@code id} and runs {@code probe} on the link (check the device answers,
     * build the I/O loop). When the probe fails the link is closed again. Application thread.
     *
     * @return what the probe returned
     * @throws DeviceException "{@code id}: reason" when the port cannot be opened, the link fails during the
     *     probe (naming the port) or the probe rejects the device
     */
    default <T> T openAndProbe(String id, String device, int baud, Probe<T> probe) throws DeviceException {
        ByteStream link;
        try {
            link = open(device, baud);
        } catch (IOException e) {
            throw new DeviceException(id + ": " + e.getMessage(), e);
        }
        try {
            return probe.run(link);
        } catch (IOException e) {
            link.close();
            throw new DeviceException(id + ": serial link " + device + " failed: " + e.getMessage(), e);
        } catch (DeviceException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** What a driver does on a freshly opened link. */
    @FunctionalInterface
    interface Probe<T> {
        T run(ByteStream link) throws IOException, DeviceException;
    }
}
