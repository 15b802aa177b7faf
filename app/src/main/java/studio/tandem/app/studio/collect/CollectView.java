package studio.tandem.app.studio.collect;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.teleop.robot.Camera;

/**
 * The Collect workspace: big clutch / intervention / recording indicators, the live cameras and the
 * 3D view, the station panel with live device lines, and the recording bar. Keys bound to the
 * keyboard teleop (W/S A/D R/F, U/O I/K J/L, G/H, SPACE) drive the robot while Collect is visible and
 * no text field has the focus. Binds only.
 */
public final class CollectView {
    private final CollectViewModel vm;
    private final FrameTicker ticker;
    private final BorderPane root = new BorderPane();
    private final Shortcuts keys;
    private final CameraWall cameras;
    private final VBox live = new VBox(4);
    private Robot3dView view3d;

    public CollectView(CollectViewModel vm, Node stationPanel, FrameTicker ticker, Shortcuts keys) {
        this.vm = vm;
        this.keys = keys;
        this.ticker = ticker;
        this.cameras = new CameraWall(ticker, 344, 258, 3);
        root.setId("collectView");
        root.setTop(indicators());
        root.setCenter(new ScrollPane(cameras.node()));
        ((ScrollPane) root.getCenter()).setFitToWidth(true);
        VBox side = new VBox(8, stationPanel, livePanel());
        side.setPrefWidth(320);
        side.setMinWidth(280);
        root.setLeft(side);
        root.setBottom(new RecordingBar(vm, keys).node());
        BorderPane.setMargin(side, new Insets(0, 8, 0, 0));
        BorderPane.setMargin(root.getBottom(), new Insets(8, 0, 0, 0));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 8, 0));
        ticker.register(vm);
        vm.devices().addListener((javafx.collections.ListChangeListener<DeviceStatus>) c -> showDevices());
        vm.sessions().sessionProperty().addListener((o, a, s) -> showSession(s));
        showSession(vm.sessions().session());
    }

    private Node indicators() {
        Label clutch = new Label();
        clutch.setId("clutchIndicator");
        clutch.getStyleClass().add("big-indicator");
        clutch.textProperty().bind(Bindings.when(vm.clutchProperty()).then("ARM FOLLOWS")
                .otherwise("CLUTCH OPEN · ARM HOLDS"));
        toggle(clutch, vm.clutchProperty(), "policy");
        Label intervention = new Label();
        intervention.setId("interventionIndicator");
        intervention.getStyleClass().add("big-indicator");
        intervention.textProperty().bind(Bindings.when(vm.interventionProperty()).then("OPERATOR INTERVENING")
                .otherwise("NO INTERVENTION"));
        toggle(intervention, vm.interventionProperty(), "operator");
        Label rec = new Label();
        rec.setId("recIndicator");
        rec.getStyleClass().add("big-indicator");
        rec.textProperty().bind(Bindings.when(vm.recordingProperty()).then(Bindings.concat("● REC ",
                vm.timerProperty())).otherwise(Bindings.when(vm.episodes().awaitingProperty())
                        .then(Bindings.concat("⏸ AWAITING DECISION ", vm.timerProperty())).otherwise("NOT RECORDING")));
        toggle(rec, vm.recordingProperty(), "recording");
        for (Label l : List.of(clutch, intervention, rec)) {
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
        }
        Label authority = new Label();
        authority.textProperty().bind(vm.authorityProperty());
        authority.getStyleClass().add("hint");
        Label state = new Label();
        state.setId("sessionState");
        state.textProperty().bind(Bindings.when(vm.statusProperty().isEmpty())
                .then(vm.sessions().stateProperty()).otherwise(vm.statusProperty()));
        state.getStyleClass().add("hint");
        HBox big = new HBox(10, clutch, intervention, rec);
        VBox box = new VBox(4, big, new HBox(16, authority, state));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void toggle(Label l, javafx.beans.value.ObservableBooleanValue on, String style) {
        on.addListener((o, a, b) -> {
            if (b) {
                l.getStyleClass().add(style);
            } else {
                l.getStyleClass().remove(style);
            }
        });
    }

    private Node livePanel() {
        Label title = new Label("Live");
        title.getStyleClass().add("panel-title");
        Label help = new Label("Keys: W/S A/D R/F move · U/O I/K J/L rotate · G/H close/open · Space clutch · "
                + "Esc e-stop");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox panel = new VBox(6, title, live, help);
        panel.getStyleClass().add("panel");
        panel.setId("stationLive");
        return panel;
    }

    private void showDevices() {
        List<Node> rows = new ArrayList<>();
        for (DeviceStatus d : vm.devices()) {
            Label name = new Label(d.name());
            name.setGraphic(Icons.icon(d.connected() ? "mdi2l-lan-connect" : "mdi2l-lan-disconnect"));
            name.setMinWidth(110);
            Label rate = new Label(d.rate());
            rate.getStyleClass().add("mono");
            Label health = new Label(d.health());
            health.getStyleClass().add(d.healthy() ? "health-ok" : "health-bad");
            health.setWrapText(true);
            Label kind = new Label(d.kind());
            kind.getStyleClass().add("hint");
            rows.add(new VBox(0, new HBox(8, name, rate), new HBox(8, kind, health)));
        }
        live.getChildren().setAll(rows);
    }

    private void showSession(StationSession s) {
        if (s == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Camera c : s.station().cameras()) {
            names.add(c.id());
        }
        cameras.show(names, s.frameSlots(), s.cameraProblem());
        if (view3d != null) {
            ticker.unregister(view3d);
        }
        view3d = new Robot3dView(new RobotPoseModel(s.station().arm().chain(), new LoopJoints(s)),
                s.simulated() ? s.sim().engine() : null, cameras.imageWidth(), cameras.imageHeight());
        ticker.register(view3d);
        cameras.addTile(s.simulated() ? "3D · station state" : "3D · robot from joint state", view3d.node());
    }

    public Robot3dView view3d() {
        return view3d;
    }

    public CameraWall cameras() {
        return cameras;
    }

    public Shortcuts shortcuts() {
        return keys;
    }

    public BorderPane node() {
        return root;
    }
}
