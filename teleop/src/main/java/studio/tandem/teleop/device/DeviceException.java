package studio.tandem.teleop.device;

/** A device could not connect, activate or keep its connection; the message says why, for the user. */
public class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
