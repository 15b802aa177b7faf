package studio.tandem.app.studio.correct;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import studio.tandem.app.studio.collect.CameraWall;
import studio.tandem.app.studio.collect.CollectViewModel;
import studio.tandem.app.studio.collect.RecordingBar;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.PlotCanvas;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.teleop.robot.Camera;

/**
 * The Correct workspace: the big intervention indicator and who commands the hand, the policy panel
 * (manifest, load errors, run / pause, take over), the cameras and the failure score with its
 * threshold, the language-correction box with its history, and the recording bar (the same
 * recorder as Collect). Binds only.
 */
public final class CorrectView {
    /** Run / pause the policy. */
    public static final String RUN_KEY = "P";
    /** Hold to take over. */
    public static final String TAKEOVER_KEY = "T";

    private final CorrectViewModel vm;
    private final CollectViewModel recording;
    private final BorderPane root = new BorderPane();
    private final Shortcuts keys;
    private final CameraWall cameras;
    private final PlotCanvas plot = new PlotCanvas();

    public CorrectView(CorrectViewModel vm, CollectViewModel recording, FrameTicker ticker, Shortcuts keys) {
        this.vm = vm;
        this.keys = keys;
        this.recording = recording;
        this.cameras = new CameraWall(ticker, 372, 279, 2);
        root.setId("correctView");
        ticker.register(vm);
        plot.setId("failurePlot");
        plot.setPrefHeight(170);
        vm.scoreProperty().addListener((o, a, s) -> plot.setSeries(s));
        root.setTop(indicators());
        root.setLeft(policyPanel());
        root.setRight(languagePanel());
        VBox center = new VBox(8, cameras.node(), plot);
        VBox.setVgrow(cameras.node(), Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(new RecordingBar(recording, keys).node());
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 8, 0));
        BorderPane.setMargin(root.getLeft(), new Insets(0, 8, 0, 0));
        BorderPane.setMargin(root.getRight(), new Insets(0, 0, 0, 8));
        BorderPane.setMargin(root.getBottom(), new Insets(8, 0, 0, 0));
        vm.sessions().sessionProperty().addListener((o, a, s) -> showSession(s));
        showSession(vm.sessions().session());
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
    }

    private Node indicators() {
        Label intervention = new Label();
        intervention.setId("correctIntervention");
        intervention.getStyleClass().add("big-indicator");
        intervention.textProperty().bind(vm.indicatorProperty());
        Label hand = new Label();
        hand.setId("handAuthority");
        hand.getStyleClass().add("big-indicator");
        hand.textProperty().bind(Bindings.concat("HAND: ", Bindings.createStringBinding(
                () -> vm.handAuthorityProperty().get().toUpperCase(), vm.handAuthorityProperty())));
        Label arm = new Label();
        arm.getStyleClass().add("big-indicator");
        arm.textProperty().bind(Bindings.concat("ARM: ", Bindings.createStringBinding(
                () -> vm.armAuthorityProperty().get().toUpperCase(), vm.armAuthorityProperty())));
        vm.interventionProperty().addListener((o, was, on) -> style(intervention, on ? "operator" : "policy"));
        vm.failurePausedProperty().addListener((o, was, on) -> style(intervention, on ? "operator" : "policy"));
        vm.handAuthorityProperty().addListener((o, was, now) -> style(hand, now));
        vm.armAuthorityProperty().addListener((o, was, now) -> style(arm, now));
        for (Label l : List.of(intervention, hand, arm)) {
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
        }
        HBox.setHgrow(intervention, Priority.SOMETIMES);
        intervention.setMinWidth(420);
        return new HBox(10, intervention, hand, arm);
    }

    private static void style(Label l, String who) {
        l.getStyleClass().removeAll("operator", "policy");
        if (who.equals("operator") || who.equals("policy")) {
            l.getStyleClass().add(who);
        }
    }

    private Node policyPanel() {
        Label title = new Label("Policy");
        title.getStyleClass().add("panel-title");
        TextField path = new TextField();
        path.setId("policyPath");
        path.textProperty().bindBidirectional(vm.policyPathProperty());
        path.setPromptText("policy manifest (.json)");
        Button browse = Icons.decorate(new Button("…"), null, "Choose a policy manifest", "");
        browse.setOnAction(e -> choose());
        Button load = Icons.decorate(new Button("Load"), "mdi2f-folder-open-outline", "Load and run the policy", "");
        load.setId("policyLoad");
        load.setOnAction(e -> vm.load());
        load.disableProperty().bind(vm.loadingProperty().or(recording.recordingProperty()));
        HBox.setHgrow(path, Priority.ALWAYS);
        Label error = new Label();
        error.setId("policyError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label summary = new Label();
        summary.setId("policySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.summary()),
                vm.summary()));
        Label info = new Label();
        info.getStyleClass().add("hint");
        info.setWrapText(true);
        info.textProperty().bind(vm.loopInfoProperty());
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(8, title, new HBox(4, path, browse), load, error, summary, controls(),
                AuthorityPanel.build(vm.authority(), vm.loadedProperty(), keys), info, status);
        box.getStyleClass().add("panel");
        box.setPrefWidth(320);
        return box;
    }

    private Node controls() {
        ToggleButton run = Icons.decorate(new ToggleButton("Run"), "mdi2p-play-pause", "Run or pause the policy (Run also resumes a policy the failure monitor paused)",
                keys.bind(RUN_KEY, () -> vm.setRunning(!vm.runningProperty().get())));
        run.setId("policyRun");
        run.selectedProperty().bindBidirectional(vm.runningProperty());
        run.setOnAction(e -> vm.setRunning(run.isSelected()));
        run.disableProperty().bind(vm.loadedProperty().not());
        ToggleButton take = Icons.decorate(new ToggleButton("Take over"), "mdi2h-hand-right",
                "Take every group the policy drives (latched)", keys.bind(TAKEOVER_KEY,
                        () -> vm.setTakeover(!vm.takeoverProperty().get())));
        take.setId("takeover");
        take.selectedProperty().bindBidirectional(vm.takeoverProperty());
        take.setOnAction(e -> vm.setTakeover(take.isSelected()));
        return new HBox(8, run, take);
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load a policy manifest");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tandem policy manifest", "*.json"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.policyPathProperty().set(f.getPath());
            vm.load();
        }
    }

    private Node languagePanel() {
        Label title = new Label("Language correction");
        title.getStyleClass().add("panel-title");
        Label now = new Label();
        now.setId("currentInstruction");
        now.setWrapText(true);
        now.textProperty().bind(Bindings.concat("Now: ", vm.instructionProperty()));
        TextField say = new TextField();
        say.setId("correctionField");
        say.setPromptText("e.g. use a pinch grasp — Enter sends");
        say.textProperty().bindBidirectional(vm.correctionProperty());
        say.setOnAction(e -> vm.sendCorrection());
        ListView<String> history = new ListView<>(vm.history());
        history.setId("correctionHistory");
        VBox.setVgrow(history, Priority.ALWAYS);
        Label hint = new Label("A correction is live at the next control tick and recorded with the episode.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox box = new VBox(8, title, now, say, hint, history);
        box.getStyleClass().add("panel");
        box.setPrefWidth(300);
        return box;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public Shortcuts shortcuts() {
        return keys;
    }

    public BorderPane node() {
        return root;
    }
}
