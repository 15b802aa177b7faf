package studio.tandem.app.studio.review;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;

/**
 * The Review workspace: dataset bar, episode table, synced player, plots and the curation,
 * statistics and export tabs. Binds only; state and actions live in {@link ReviewViewModel}.
 */
public final class ReviewView {
    private final BorderPane root = new BorderPane();
    private final Shortcuts keys = new Shortcuts();
    private final PlayerView player;

    public ReviewView(ReviewViewModel vm, ExportViewModel export, FrameTicker ticker) {
        root.setId("reviewWorkspace");
        root.getStyleClass().add("workspace");
        player = new PlayerView(vm, keys);
        ticker.register(player);
        EpisodeTableView table = new EpisodeTableView(vm);
        TextField filter = new TextField();
        filter.setId("episodeFilter");
        filter.setPromptText("Filter: task words, success, failure, intervention, deleted…");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        VBox left = new VBox(6, filter, table.node());
        VBox.setVgrow(table.node(), Priority.ALWAYS);
        PlotsView plots = new PlotsView(vm.plots());
        SplitPane center = new SplitPane(player.node(), plots.node());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        TabPane side = new TabPane(new Tab("Curate", new CurationPane(vm, keys).node()),
                new Tab("Statistics", new StatsPane(vm).node()), new Tab("Export", new ExportPane(vm, export).node()));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("reviewTabs");
        SplitPane main = new SplitPane(left, center, side);
        main.setDividerPositions(0.28, 0.76);
        root.setTop(datasetBar(vm));
        root.setCenter(main);
        BorderPane.setMargin(main, new Insets(6, 0, 0, 0));
    }

    private Node datasetBar(ReviewViewModel vm) {
        TextField path = new TextField();
        path.setId("datasetPath");
        path.setPromptText("Dataset directory (LeRobot v3.0); Enter opens");
        HBox.setHgrow(path, Priority.ALWAYS);
        path.setOnAction(e -> {
            if (!path.getText().isBlank()) {
                vm.open(Path.of(path.getText().trim()));
            }
        });
        vm.datasetProperty().addListener((o, a, b) -> path.setText(b == null ? "" : b.root().toString()));
        Button open = Icons.decorate(new Button("Open dataset…"), "mdi2f-folder-open", "Open a LeRobot v3.0 dataset",
                keys.bind("Ctrl+O", () -> choose(vm)));
        open.setId("openDataset");
        open.setOnAction(e -> choose(vm));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.setId("reviewError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        HBox bar = new HBox(8, open, path, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, bar, error);
    }

    private void choose(ReviewViewModel vm) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open a LeRobot v3.0 dataset");
        File f = c.showDialog(root.getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    public BorderPane node() {
        return root;
    }

    /** This workspace's shortcuts (the shell routes keys to the visible workspace). */
    public Shortcuts shortcuts() {
        return keys;
    }

    /** Frames drawn by the camera views so far (tests). */
    public long framesShown() {
        return player.framesShown();
    }
}
