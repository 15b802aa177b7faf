package studio.tandem.app.studio.station;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.studio.common.Icons;

/**
 * The station panel: the configured arm, hand or gripper, cameras and devices, the settings dialog,
 * and a restart that applies a changed station file. Shows what {@code station.yaml} says; binds only.
 */
public final class StationPanel {
    private final VBox root = new VBox(8);
    private final VBox items = new VBox(4);

    public StationPanel(StationSettingsViewModel vm) {
        this(vm, null, null);
    }

    /**
     * @param restart restarts the running station with the saved file (null: no restart button)
     * @param problem why the station file's station does not run (one line, empty when it does), or null
     */
    public StationPanel(StationSettingsViewModel vm, Runnable restart, ObservableStringValue problem) {
        root.setId("stationPanel");
        root.getStyleClass().add("panel");
        Label title = new Label("Station");
        title.getStyleClass().add("panel-title");
        Button settings = Icons.decorate(new Button("Settings…"), "mdi2c-cog-outline", "Edit station.yaml", "");
        settings.setId("stationSettings");
        settings.setOnAction(e -> new StationSettingsDialog(vm, root.getScene().getWindow()).show());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("hint");
        HBox buttons = new HBox(8, settings);
        if (restart != null) {
            Button apply = Icons.decorate(new Button("Restart station"), "mdi2r-restart",
                    "Stop the station and start it again from the station file", "");
            apply.setId("restartStation");
            apply.setOnAction(e -> restart.run());
            buttons.getChildren().add(apply);
        }
        root.getChildren().addAll(title, items, buttons, status);
        if (problem != null) {
            Label why = new Label();
            why.setId("stationProblem");
            why.getStyleClass().add("error-text");
            why.setWrapText(true);
            why.textProperty().bind(problem);
            why.visibleProperty().bind(Bindings.isNotEmpty(why.textProperty()));
            why.managedProperty().bind(why.visibleProperty());
            root.getChildren().add(2, why);
        }
        root.setPadding(new Insets(10));
        vm.configProperty().addListener((o, a, b) -> show(b));
        show(vm.configProperty().get());
    }

    private void show(StationConfig c) {
        items.getChildren().clear();
        items.getChildren().add(line("mdi2r-robot-industrial", "Arm", c.arm().type()
                + (c.arm().address().isEmpty() ? "" : " @ " + c.arm().address())));
        items.getChildren().add(line("mdi2h-hand", "Hand", c.hand().type()
                + (c.hand().port().isEmpty() ? "" : " on " + c.hand().port())));
        for (StationConfig.CameraConfig cam : c.cameras()) {
            items.getChildren().add(line("mdi2c-camera-outline", "Camera " + cam.name(), cam.type() + " "
                    + cam.width() + "×" + cam.height() + " @ " + cam.fps() + " fps"));
        }
        for (StationConfig.DeviceConfig d : c.devices()) {
            items.getChildren().add(line("mdi2g-gamepad-variant-outline", "Device", d.type()
                    + (d.options().isEmpty() ? "" : " (" + d.options() + ")")
                    + (d.type().equals("keyboard") ? "" : " · drives the arm")));
        }
    }

    private static Label line(String icon, String what, String value) {
        Label l = new Label(what + ": " + value);
        l.setGraphic(Icons.icon(icon));
        return l;
    }

    public VBox node() {
        return root;
    }
}
