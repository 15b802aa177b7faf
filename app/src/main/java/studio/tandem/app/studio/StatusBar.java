package studio.tandem.app.studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.Icons;

/**
 * The status line: the latest message, screen rate, heap in use and free disk where episodes are
 * written. Pulled once per second from the window's ticker; the disk query runs off the FX thread.
 */
final class StatusBar implements FrameTicker.Refreshable {
    private final HBox root;
    private final Label message = new Label();
    private final Label fps = new Label();
    private final Label memory = new Label();
    private final Label disk = new Label();
    private final Background background;
    private final Path dataDir;
    private final AtomicLong freeBytes = new AtomicLong(-1);
    private long windowStart = -1;
    private long pulsesInWindow;

    StatusBar(ObservableStringValue status, Background background, Path dataDir) {
        this.background = background;
        this.dataDir = dataDir;
        message.setId("statusMessage");
        message.textProperty().bind(status);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        fps.setGraphic(Icons.icon("mdi2m-monitor"));
        memory.setGraphic(Icons.icon("mdi2m-memory"));
        disk.setGraphic(Icons.icon("mdi2h-harddisk"));
        disk.setId("freeDisk");
        root = new HBox(18, message, fps, memory, disk);
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
    }

    @Override
    public void refresh(long nowNanos) {
        if (windowStart < 0) {
            windowStart = nowNanos;
            queryDisk();
        }
        pulsesInWindow++;
        long dt = nowNanos - windowStart;
        if (dt < 1_000_000_000L) {
            return;
        }
        fps.setText(String.format(Locale.ROOT, "%.0f fps", pulsesInWindow * 1e9 / dt));
        Runtime rt = Runtime.getRuntime();
        memory.setText(((rt.totalMemory() - rt.freeMemory()) >> 20) + " MiB");
        long free = freeBytes.get();
        disk.setText(free < 0 ? "disk ?" : String.format(Locale.ROOT, "%.1f GiB free", free / (double) (1L << 30)));
        windowStart = nowNanos;
        pulsesInWindow = 0;
        queryDisk();
    }

    private void queryDisk() {
        background.worker().execute(() -> {
            try {
                Path p = dataDir;
                while (p != null && !Files.exists(p)) {
                    p = p.getParent();
                }
                freeBytes.set(p == null ? -1 : Files.getFileStore(p).getUsableSpace());
            } catch (java.io.IOException e) {
                freeBytes.set(-1);
            }
        });
    }

    HBox node() {
        return root;
    }
}
