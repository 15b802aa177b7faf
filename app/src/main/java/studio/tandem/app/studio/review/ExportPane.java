package studio.tandem.app.studio.review;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import studio.tandem.app.studio.common.Icons;

/** Export of the curated dataset to RLDS with a progress bar. */
final class ExportPane {
    private final VBox root;

    ExportPane(ReviewViewModel review, ExportViewModel vm) {
        TextField out = new TextField();
        out.setId("exportDir");
        out.setPromptText("Output directory");
        HBox.setHgrow(out, Priority.ALWAYS);
        Button browse = Icons.decorate(new Button(), "mdi2f-folder-open-outline", "Choose the output directory", "");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Export RLDS to");
            java.io.File f = c.showDialog(out.getScene().getWindow());
            if (f != null) {
                out.setText(f.getPath());
            }
        });
        TextField name = new TextField();
        name.setId("exportName");
        name.setPromptText("TFDS name (default: the dataset folder's)");
        Button export = Icons.decorate(new Button("Export to RLDS"), "mdi2e-export", "Export the curated episodes", "");
        export.setId("exportButton");
        export.getStyleClass().add("accent");
        export.disableProperty().bind(vm.runningProperty().or(review.datasetProperty().isNull())
                .or(out.textProperty().isEmpty()));
        export.setOnAction(e -> vm.export(review.datasetProperty().get(), review.journal(),
                Path.of(out.getText().trim()), name.getText().trim()));
        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label msg = new Label();
        msg.setId("exportMessage");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.messageProperty());
        Label hint = new Label("Deleted episodes are left out; trims, task edits and success labels are applied. "
                + "Writes OUT/NAME/1.0.0 (dataset_info.json, features.json, TFRecord shards).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root = new VBox(8, new HBox(6, out, browse), name, export, bar, msg, hint);
        root.setPadding(new Insets(8));
    }

    VBox node() {
        return root;
    }
}
