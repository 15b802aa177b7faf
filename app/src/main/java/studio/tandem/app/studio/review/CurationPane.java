package studio.tandem.app.studio.review;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;

/** Curation controls for the selected episode: success, task, trim, delete/restore, undo/redo. */
final class CurationPane {
    private final VBox root;

    CurationPane(ReviewViewModel vm, Shortcuts keys) {
        CurationActions a = vm.curation();
        Button yes = button("successYes", "mdi2c-check-circle", "Success", "Mark successful", keys.bind("Ctrl+S", () -> a.relabel(true)));
        yes.setOnAction(e -> a.relabel(true));
        yes.getStyleClass().add("success");
        Button no = button("successNo", "mdi2c-close-circle", "Failure", "Mark failed", keys.bind("Ctrl+F", () -> a.relabel(false)));
        no.setOnAction(e -> a.relabel(false));
        no.getStyleClass().add("danger");
        Button unl = button("successClear", "mdi2h-help-circle-outline", "Unlabel", "Clear the label", "");
        unl.setOnAction(e -> a.relabel(null));
        TextField task = new TextField();
        task.setId("taskField");
        task.setPromptText("New task text, Enter applies");
        task.setOnAction(e -> a.editTask(task.getText()));
        vm.selectedProperty().addListener((o, p, r) -> task.setText(r == null ? "" : r.task()));
        Button trimStart = button("trimStart", "mdi2r-ray-start-arrow", "Trim start", "Keep frames from here", keys.bind("Ctrl+OPEN_BRACKET", a::trimStartHere));
        trimStart.setOnAction(e -> a.trimStartHere());
        Button trimEnd = button("trimEnd", "mdi2r-ray-end-arrow", "Trim end", "Keep frames up to here", keys.bind("Ctrl+CLOSE_BRACKET", a::trimEndHere));
        trimEnd.setOnAction(e -> a.trimEndHere());
        Button trimClear = button("trimClear", "mdi2a-arrow-expand-horizontal", "Untrim", "Keep every frame", "");
        trimClear.setOnAction(e -> a.clearTrim());
        Button delete = button("deleteButton", "mdi2d-delete-outline", "Delete", "Delete the episode (recoverable)", keys.bind("Delete", a::delete));
        delete.setOnAction(e -> a.delete());
        delete.getStyleClass().add("danger");
        Button restore = button("restoreButton", "mdi2d-delete-restore", "Restore", "Bring a deleted episode back", "");
        restore.setOnAction(e -> a.restore());
        Button undo = button("undoButton", "mdi2u-undo", "Undo", "Undo", keys.bind("Ctrl+Z", a::undo));
        undo.setOnAction(e -> a.undo());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("redoButton", "mdi2r-redo", "Redo", "Redo", keys.bind("Ctrl+Shift+Z", a::redo));
        redo.setOnAction(e -> a.redo());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        VBox content = new VBox(8,
                section("Success"), new FlowPane(6, 6, yes, no, unl),
                section("Task"), task,
                section("Trim at the player's frame"), new FlowPane(6, 6, trimStart, trimEnd, trimClear),
                section("Episode"), new FlowPane(6, 6, delete, restore),
                section("History"), new FlowPane(6, 6, undo, redo),
                new Label("Edits are kept in meta/tandem_curation.json beside the dataset; the dataset's own "
                        + "files are never changed. Exports apply them."));
        ((Label) content.getChildren().get(content.getChildren().size() - 1)).setWrapText(true);
        content.getChildren().get(content.getChildren().size() - 1).getStyleClass().add("hint");
        content.setPadding(new Insets(8));
        content.disableProperty().bind(vm.selectedProperty().isNull());
        root = new VBox(content);
    }

    private static Button button(String id, String icon, String text, String tip, String shortcut) {
        Button b = Icons.decorate(new Button(text), icon, tip, shortcut);
        b.setId(id);
        return b;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    VBox node() {
        return root;
    }
}
