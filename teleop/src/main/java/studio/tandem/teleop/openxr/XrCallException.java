package studio.tandem.teleop.openxr;

/** An OpenXR call failed; the message names the call and the XrResult. */
public final class XrCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int result;

    public XrCallException(String call, int result) {
        super("OpenXR " + call + " failed: " + describe(result));
        this.result = result;
    }

    /** A failure that is not an XrResult (e.g. a missing extension), with its own one-line message. */
    public XrCallException(String message) {
        super(message);
        this.result = 0;
    }

    public int result() {
        return result;
    }

    /** A short text for common XrResult values. */
    public static String describe(int result) {
        return switch (result) {
            case -51 -> "no OpenXR runtime is available (XR_ERROR_RUNTIME_UNAVAILABLE: install and start "
                    + "SteamVR, Monado, WiVRn or ALVR, or check active_runtime.json)";
            case -2 -> "the runtime failed (XR_ERROR_RUNTIME_FAILURE)";
            case -34, -35 -> "no headset is connected (XR_ERROR_FORM_FACTOR_UNAVAILABLE)";
            case -9 -> "a required extension is missing (XR_ERROR_EXTENSION_NOT_PRESENT)";
            case -4 -> "the runtime does not support OpenXR 1.0 (XR_ERROR_API_VERSION_UNSUPPORTED)";
            case -31 -> "the session was lost (XR_ERROR_SESSION_LOST)";
            case -46 -> "a graphics binding is required by this runtime (XR_ERROR_GRAPHICS_DEVICE_INVALID)";
            default -> "XrResult " + result;
        };
    }
}
