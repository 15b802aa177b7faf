package studio.tandem.teleop.usbcam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames through JavaCV's {@link FFmpegFrameGrabber}: for a USB camera, format {@code video4linux2} with
 * {@code input_format} (e.g. {@code mjpeg}), {@code video_size} and {@code framerate} requested from the driver;
 * the decoded image is converted (and scaled if the driver chose another size) to RGB24 of the requested size.
 * Capture thread only.
 */
public final class FfmpegFrameSource implements FrameSource {
    private final String input;
    private final String format;
    private final String inputFormat;
    private final int width;
    private final int height;
    private final double fps;
    private FFmpegFrameGrabber grabber;

    /**
     * @param input device path or file
     * @param format demuxer ({@code video4linux2}), or null to probe (files)
     * @param inputFormat V4L2 pixel format to request ({@code mjpeg}, {@code yuyv422}), or null for the default
     */
    public FfmpegFrameSource(String input, String format, String inputFormat, int width, int height, double fps) {
        this.input = input;
        this.format = format;
        this.inputFormat = inputFormat;
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    /** A V4L2 device. */
    public static FfmpegFrameSource v4l2(UsbCameraConfig c) {
        return new FfmpegFrameSource(c.device(), "video4linux2", c.inputFormat().equals("auto") ? null : c.inputFormat(),
                c.width(), c.height(), c.fps());
    }

    @Override
    public Negotiated open() throws IOException {
        close();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(input);
        if (format != null) {
            g.setFormat(format);
            g.setOption("video_size", width + "x" + height);
            g.setOption("framerate", String.format(Locale.ROOT, "%.3f", fps));
            if (inputFormat != null) {
                g.setOption("input_format", inputFormat);
            }
        }
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            g.start();
        } catch (FrameGrabber.Exception e) {
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // already failing
            }
            throw new IOException("camera " + input + ": cannot open " + (inputFormat == null ? "" : inputFormat + " ")
                    + width + "x" + height + " @ " + fps + " fps (" + e.getMessage() + ")", e);
        }
        Negotiated n = new Negotiated(g.getVideoCodecName() == null ? "?" : g.getVideoCodecName(), g.getImageWidth(),
                g.getImageHeight(), g.getFrameRate());
        g.setImageWidth(width);
        g.setImageHeight(height);
        grabber = g;
        return n;
    }

    @Override
    public long grab(ByteBuffer rgb) throws IOException {
        FFmpegFrameGrabber g = grabber;
        if (g == null) {
            throw new IOException("camera " + input + ": not open");
        }
        Frame f;
        try {
            f = g.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("camera " + input + ": capture failed (" + e.getMessage() + ")", e);
        }
        if (f == null || f.image == null) {
            throw new IOException("camera " + input + ": stream ended");
        }
        int row = width * 3;
        int stride = f.imageStride;
        if (f.imageWidth != width || f.imageHeight != height || stride < row) {
            throw new IOException("camera " + input + ": got " + f.imageWidth + "x" + f.imageHeight + " (stride "
                    + stride + "), expected RGB24 " + width + "x" + height);
        }
        ByteBuffer src = (ByteBuffer) f.image[0];
        for (int y = 0; y < height; y++) {
            rgb.put(y * row, src, y * stride, row);
        }
        return g.getTimestamp();
    }

    @Override
    public void close() {
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            try {
                g.stop();
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // closing anyway
            }
        }
    }
}
