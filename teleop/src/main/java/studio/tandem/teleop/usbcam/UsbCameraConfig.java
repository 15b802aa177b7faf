package studio.tandem.teleop.usbcam;

import java.util.Locale;
import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A USB (UVC) camera through V4L2 (station list {@code cameras: [{type: usb, device: /dev/video0, ...}]}).
 *
 * @param id device id, e.g. {@code wrist}; the feature is {@code observation.images.<id>}
 * @param device V4L2 device, e.g. {@code /dev/video0} or {@code /dev/v4l/by-id/...}
 * @param width frame width (px)
 * @param height frame height (px)
 * @param fps requested rate
 * @param inputFormat V4L2 format: {@code mjpeg} (default; needed for 640×480 @ 30 on most USB 2 cameras),
 *     {@code yuyv422} or {@code auto}
 * @param reconnectMs pause between reopen attempts after an unplug (ms); 0 disables reconnecting
 */
public record UsbCameraConfig(String id, String device, int width, int height, double fps, String inputFormat,
                              int reconnectMs) {
    public static final String TYPE = "usb";

    public static UsbCameraConfig defaults(String id, String device) {
        return new UsbCameraConfig(id, device, 640, 480, 30, "mjpeg", 1000);
    }

    /**
     * Builds from a station entry: {@code device} (required), {@code width}, {@code height}, {@code fps},
     * {@code input_format}, {@code reconnect_ms}.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static UsbCameraConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        String fmt = c.string("input_format", "mjpeg").toLowerCase(Locale.ROOT);
        if (!fmt.equals("mjpeg") && !fmt.equals("yuyv422") && !fmt.equals("auto")) {
            throw new IllegalArgumentException(c.path("input_format") + ": '" + fmt + "' is not mjpeg, yuyv422 or auto");
        }
        UsbCameraConfig cfg = new UsbCameraConfig(id, c.string("device"), c.integer("width", 640, 16, 7680),
                c.integer("height", 480, 16, 4320), c.number("fps", 30, 1, 240), fmt,
                c.integer("reconnect_ms", 1000, 0, 60_000));
        c.rejectUnknown("type");
        return cfg;
    }
}
