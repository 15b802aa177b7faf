/**
 * USB (UVC) cameras through V4L2 and FFmpeg (JavaCV), with bundled natives.
 *
 * <p>Notes. The driver asks V4L2 for {@code input_format} (MJPEG by default: raw YUYV does not fit 640×480 @ 30
 * through USB 2 on most cameras), {@code video_size} and {@code framerate}; what the device delivers is reported
 * by {@code negotiated()} and scaled to the configured size if it differs. Use stable paths such as
 * {@code /dev/v4l/by-id/...} for several cameras; the user needs the {@code video} group.
 */
package studio.tandem.teleop.usbcam;
