package studio.tandem.app.studio.common;

import java.nio.ByteBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Callback;

/**
 * Shows the frames of a {@link FrameSlot}: a {@link PixelBuffer} over one preallocated direct
 * buffer, reallocated only when the slot (resolution) changes. {@link #refresh} runs at pulse rate
 * and touches the image only when a newer frame was published. FX thread only.
 */
public final class VideoSurface implements FrameTicker.Refreshable {
    private final ImageView view = new ImageView();
    private FrameSlot slot;
    private PixelBuffer<ByteBuffer> pixels;
    private long seen;
    private long shown;
    private final Callback<PixelBuffer<ByteBuffer>, Rectangle2D> updater = this::copyNewest;

    public VideoSurface() {
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.getStyleClass().add("video-surface");
    }

    public ImageView view() {
        return view;
    }

    /** Shows another slot (or nothing when null). */
    public void setSlot(FrameSlot newSlot) {
        if (newSlot == slot) {
            return;
        }
        slot = newSlot;
        seen = 0;
        if (newSlot == null) {
            pixels = null;
            view.setImage(null);
            return;
        }
        if (pixels == null || pixels.getWidth() != newSlot.width() || pixels.getHeight() != newSlot.height()) {
            ByteBuffer buf = ByteBuffer.allocateDirect(newSlot.width() * newSlot.height() * 4);
            pixels = new PixelBuffer<>(newSlot.width(), newSlot.height(), buf, PixelFormat.getByteBgraPreInstance());
        }
        view.setImage(new WritableImage(pixels));
    }

    @Override
    public void refresh(long nowNanos) {
        FrameSlot s = slot;
        if (s == null) {
            return;
        }
        if (s.published() != seen) {
            pixels.updateBuffer(updater);
        }
    }

    /** Inside {@link PixelBuffer#updateBuffer}: copies the newest frame; null means "all of it". */
    private Rectangle2D copyNewest(PixelBuffer<ByteBuffer> pb) {
        long seq = slot.copyIfNewer(seen, pb.getBuffer());
        if (seq != seen) {
            seen = seq;
            shown++;
        }
        return null;
    }

    /** Frames shown so far. */
    public long framesShown() {
        return shown;
    }
}
