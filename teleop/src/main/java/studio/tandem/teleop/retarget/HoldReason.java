package studio.tandem.teleop.retarget;

/** Why the arm holds instead of following the operator; {@link #NONE} while it follows or idles. */
public enum HoldReason {
    NONE("following"),
    NEVER_REPORTED("the device has not reported yet"),
    STALE("the device stopped reporting for more than the dropout limit"),
    TRACKING_LOST("the device lost tracking"),
    DEVICE_FAULT("the device is unplugged or faulted"),
    DISCONNECTED("the device is disconnected"),
    ESTOP("emergency stop pressed"),
    INVALID_INPUT("the device sent NaN or infinite values"),
    IK_FAILED("no joint solution reaches the target");

    private final String message;

    HoldReason(String message) {
        this.message = message;
    }

    /** A short sentence for the operator. */
    public String message() {
        return message;
    }
}
