package studio.tandem.app.studio.review;

import javafx.scene.control.ComboBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.PlotCanvas;

/** The stacked plots of the episode; each picks its feature; the cursor follows the player. */
final class PlotsView {
    private final VBox root = new VBox(4);

    PlotsView(PlotViewModel vm) {
        int i = 0;
        for (PlotViewModel.Slot slot : vm.slots()) {
            PlotCanvas canvas = new PlotCanvas();
            canvas.setId("plot" + i);
            ComboBox<String> pick = new ComboBox<>(vm.features());
            pick.setId("plotFeature" + i);
            pick.getStyleClass().add("plot-picker");
            pick.valueProperty().bindBidirectional(slot.featureProperty());
            slot.seriesProperty().addListener((o, a, b) -> canvas.setSeries(b));
            vm.player().frameProperty().addListener((o, a, b) -> canvas.setCursor(b.intValue()));
            StackPane box = new StackPane(canvas, pick);
            StackPane.setAlignment(pick, javafx.geometry.Pos.TOP_RIGHT);
            VBox.setVgrow(box, Priority.ALWAYS);
            root.getChildren().add(box);
            i++;
        }
    }

    VBox node() {
        return root;
    }
}
