package studio.tandem.app.studio.collect;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.VideoSurface;

/**
 * The live camera views: one {@link VideoSurface} per camera over the session's frame slots (no image
 * copy per frame beyond the slot hand-off), plus optional extra tiles (the 3D view). FX thread.
 */
public final class CameraWall {
    private final TilePane root = new TilePane(8, 8);
    private final FrameTicker ticker;
    private final List<VideoSurface> surfaces = new ArrayList<>();
    private final Label empty = new Label("Starting the station…");
    private final double imageWidth;
    private final double imageHeight;

    /** @param imageWidth width each view is scaled to (px); tiles hold {@code columns} per row */
    public CameraWall(FrameTicker ticker, double imageWidth, double imageHeight, int columns) {
        this.ticker = ticker;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        root.getStyleClass().add("camera-stage");
        root.setId("cameraWall");
        root.setPrefColumns(columns);
        root.setPrefTileWidth(imageWidth + 12);
        root.setPrefTileHeight(imageHeight + 30);
        empty.getStyleClass().add("camera-missing");
        root.getChildren().add(empty);
    }

    /** Shows one view per slot, captioned by {@code names}; replaces the previous ones. */
    public void show(List<String> names, FrameSlot[] slots, String problem) {
        for (VideoSurface v : surfaces) {
            ticker.unregister(v);
        }
        surfaces.clear();
        root.getChildren().removeIf(n -> n.getStyleClass().contains("camera-box") || n == empty);
        for (int i = 0; i < slots.length; i++) {
            VideoSurface v = new VideoSurface();
            v.setSlot(slots[i]);
            v.view().setFitWidth(imageWidth);
            v.view().setFitHeight(imageHeight);
            v.view().setId("camera-" + names.get(i));
            surfaces.add(v);
            ticker.register(v);
            root.getChildren().add(i, tile(names.get(i), v.view()));
        }
        if (slots.length == 0) {
            empty.setText(problem.isEmpty() ? "No cameras configured." : "No camera views: " + problem);
            root.getChildren().add(0, empty);
        }
    }

    /** Adds another tile (e.g. the 3D view) after the cameras. */
    public void addTile(String title, Node content) {
        root.getChildren().add(tile(title, content));
    }

    private static VBox tile(String title, Node content) {
        Label caption = new Label(title);
        caption.getStyleClass().add("camera-title");
        StackPane stage = new StackPane(content);
        stage.setAlignment(Pos.CENTER);
        VBox box = new VBox(4, caption, stage);
        box.getStyleClass().add("camera-box");
        return box;
    }

    public double imageWidth() {
        return imageWidth;
    }

    public double imageHeight() {
        return imageHeight;
    }

    public List<VideoSurface> surfaces() {
        return List.copyOf(surfaces);
    }

    public TilePane node() {
        return root;
    }
}
