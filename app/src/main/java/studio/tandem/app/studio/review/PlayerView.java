package studio.tandem.app.studio.review;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.app.studio.common.VideoSurface;

/** The player: every camera of the episode in sync, scrubber, play/pause, step and speed. */
final class PlayerView implements FrameTicker.Refreshable {
    private final ReviewViewModel vm;
    private final PlayerViewModel player;
    private final HBox cameras = new HBox(6);
    private final StackPane stage;
    private final List<VideoSurface> surfaces = new ArrayList<>();
    private final VBox root;
    private final Label time = new Label();

    PlayerView(ReviewViewModel vm, Shortcuts keys) {
        this.vm = vm;
        this.player = vm.player();
        cameras.getStyleClass().add("camera-grid");
        cameras.setAlignment(Pos.CENTER);
        vm.cameras().addListener((javafx.collections.ListChangeListener<CameraPlayback.Camera>) c -> rebuild());
        Button play = Icons.decorate(new Button(), "mdi2p-play", "Play / pause", keys.bind("Space", player::togglePlay));
        play.setId("playButton");
        player.playingProperty().addListener((o, a, b) -> play.setGraphic(Icons.icon(b ? "mdi2p-pause" : "mdi2p-play")));
        Button back = Icons.decorate(new Button(), "mdi2s-skip-previous", "Step back", keys.bind("Left", () -> player.step(-1)));
        back.setId("stepBack");
        back.setOnAction(e -> player.step(-1));
        Button fwd = Icons.decorate(new Button(), "mdi2s-skip-next", "Step forward", keys.bind("Right", () -> player.step(1)));
        fwd.setId("stepForward");
        fwd.setOnAction(e -> player.step(1));
        play.setOnAction(e -> player.togglePlay());
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(PlayerViewModel.SPEEDS);
        speed.valueProperty().bindBidirectional(player.speedProperty().asObject());
        speed.setButtonCell(new SpeedCell());
        speed.setCellFactory(l -> new SpeedCell());
        Slider scrubber = new Slider(0, 1, 0);
        scrubber.setId("scrubber");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        player.lengthProperty().addListener((o, a, b) -> scrubber.setMax(Math.max(1, b.intValue() - 1)));
        scrubber.valueProperty().addListener((o, a, b) -> player.seek((int) Math.round(b.doubleValue())));
        player.frameProperty().addListener((o, a, b) -> {
            if (!scrubber.isValueChanging() && Math.round(scrubber.getValue()) != b.intValue()) {
                scrubber.setValue(b.intValue());
            }
            time.setText("frame " + b + " · " + player.timeText());
        });
        time.setId("playerTime");
        time.getStyleClass().add("mono");
        HBox controls = new HBox(6, back, play, fwd, speed, scrubber, time);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 0, 0, 0));
        stage = new StackPane(cameras);
        stage.getStyleClass().add("camera-stage");
        stage.setMinHeight(0);
        cameras.setMinHeight(0);
        controls.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(stage, Priority.ALWAYS);
        root = new VBox(4, stage, controls);
    }

    private void rebuild() {
        cameras.getChildren().clear();
        surfaces.clear();
        int n = vm.cameras().size();
        for (CameraPlayback.Camera c : vm.cameras()) {
            Label title = new Label(c.key());
            title.getStyleClass().add("camera-title");
            VBox box = new VBox(2, title);
            box.getStyleClass().add("camera-box");
            if (c.slot() != null) {
                VideoSurface s = new VideoSurface();
                s.setSlot(c.slot());
                s.view().fitWidthProperty().bind(stage.widthProperty().subtract(24).divide(n).subtract(8));
                s.view().fitHeightProperty().bind(stage.heightProperty().subtract(40));
                surfaces.add(s);
                box.getChildren().add(s.view());
            } else {
                Label missing = new Label(c.problem());
                missing.getStyleClass().add("camera-missing");
                missing.setWrapText(true);
                missing.setPrefSize(n <= 1 ? 480 : 260, 120);
                box.getChildren().add(missing);
            }
            cameras.getChildren().add(box);
        }
    }

    @Override
    public void refresh(long nowNanos) {
        player.advance(nowNanos);
        for (int i = 0; i < surfaces.size(); i++) {
            surfaces.get(i).refresh(nowNanos);
        }
    }

    /** Frames shown over every camera surface (tests). */
    long framesShown() {
        long n = 0;
        for (VideoSurface s : surfaces) {
            n += s.framesShown();
        }
        return n;
    }

    VBox node() {
        return root;
    }

    /** Shows speeds as "1×". */
    private static final class SpeedCell extends javafx.scene.control.ListCell<Double> {
        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(v == null || empty ? "" : (v == Math.floor(v) ? String.valueOf(v.intValue()) : v.toString()) + "×");
        }
    }
}
