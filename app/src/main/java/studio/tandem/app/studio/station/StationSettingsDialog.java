package studio.tandem.app.studio.station;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import studio.tandem.app.config.StationConfig;

/** The station settings dialog: edits {@code station.yaml}; Save validates first. Binds only. */
public final class StationSettingsDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public StationSettingsDialog(StationSettingsViewModel vm, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Station settings");
        dialog.setHeaderText("Station file: " + vm.file() + "\nNo file means the built-in simulated station.");
        TextField name = bound(new TextField(), vm.nameProperty(), "stationName");
        ComboBox<String> arm = combo(StationConfig.ARMS, vm.armTypeProperty(), "armType");
        TextField address = bound(new TextField(), vm.armAddressProperty(), "armAddress");
        address.setPromptText("robot IP (ur_rtde) or ws://host:9090 (ros2)");
        ComboBox<String> hand = combo(StationConfig.HANDS, vm.handTypeProperty(), "handType");
        TextField port = bound(new TextField(), vm.handPortProperty(), "handPort");
        port.setPromptText("/dev/ttyUSB0 (leap, robotiq_2f)");
        TextArea cams = new TextArea();
        cams.setId("cameras");
        cams.setPrefRowCount(4);
        cams.textProperty().bindBidirectional(vm.camerasProperty());
        cams.setPromptText("name type WIDTHxHEIGHT@FPS [device], one per line");
        ComboBox<String> device = combo(StationConfig.DEVICE_TYPES, vm.operatorDeviceProperty(), "operatorDevice");
        device.setTooltip(new javafx.scene.control.Tooltip("Drives the arm; the keyboard always works too "
                + "(e-stop, clutch, gripper keys) and drives when this device is absent"));
        TextField options = bound(new TextField(), vm.deviceOptionsProperty(), "deviceOptions");
        options.setPromptText("facing=90 scale=0.5 · socket=/var/run/spnav.sock hid=false (spacemouse) · "
                + "device=/dev/input/js0 (gamepad)");
        options.setTooltip(new javafx.scene.control.Tooltip("facing=DEGREES: where you look, about the robot's "
                + "vertical axis from its +X (90 = along +Y); scale=F: robot metres per device metre"));
        Label error = new Label();
        error.setId("settingsError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        int r = 0;
        g.addRow(r++, new Label("Name"), name);
        g.addRow(r++, new Label("Arm"), arm, address);
        g.addRow(r++, new Label("Hand / gripper"), hand, port);
        g.addRow(r++, new Label("Cameras"), cams);
        GridPane.setColumnSpan(cams, 2);
        g.addRow(r++, new Label("Operator device"), device, options);
        g.addRow(r, error);
        GridPane.setColumnSpan(error, 3);
        dialog.getDialogPane().setContent(g);
        ButtonType reset = new ButtonType("Simulated station");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, reset, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(reset)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.resetToSimulated();
        });
    }

    private static TextField bound(TextField f, javafx.beans.property.StringProperty p, String id) {
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static ComboBox<String> combo(java.util.Set<String> items, javafx.beans.property.StringProperty p, String id) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items.stream().sorted().toList());
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    /** Shows the dialog (non-blocking). */
    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
