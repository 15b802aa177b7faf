package studio.tandem.app.studio.collect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.recorder.episode.Outcome;

/**
 * The recording bar: task text, start / stop and save / discard / re-record, success / failure,
 * episode counter, timer, dropped frames, loop timing. Every action has a key (foot pedals send
 * keys too), named in its tooltip. Binds only.
 */
public final class RecordingBar {
    public static final String START = "F5";
    public static final String SAVE = "F6";
    public static final String DISCARD = "F7";
    public static final String RERECORD = "F8";
    public static final String SUCCESS = "F9";
    public static final String FAILURE = "F10";

    private final VBox root;

    public RecordingBar(CollectViewModel vm, Shortcuts keys) {
        TextField task = new TextField();
        task.setId("recordTask");
        task.setPromptText("Task instruction, e.g. pick up the red cube");
        task.textProperty().bindBidirectional(vm.taskProperty());
        task.disableProperty().bind(vm.recordingProperty());
        HBox.setHgrow(task, Priority.ALWAYS);
        task.setOnAction(e -> task.getParent().requestFocus());
        var idle = vm.recordingProperty().not().and(vm.busyProperty().not());
        var live = vm.recordingProperty().and(vm.busyProperty().not());
        Button start = button("recordStart", "Record", "mdi2r-record", "Start recording an episode",
                keys.bind(START, vm::start));
        start.disableProperty().bind(idle.not());
        start.getStyleClass().add("danger");
        Button save = button("recordSave", "Stop & save", "mdi2c-content-save", "Stop and save the episode",
                keys.bind(SAVE, vm::stopAndSave));
        save.disableProperty().bind(live.not());
        Button discard = button("recordDiscard", "Discard", "mdi2d-delete-outline", "Throw this episode away",
                keys.bind(DISCARD, vm::discard));
        discard.disableProperty().bind(live.not());
        Button again = button("recordAgain", "Re-record", "mdi2r-restart", "Discard and start again",
                keys.bind(RERECORD, vm::rerecord));
        again.disableProperty().bind(live.not());
        Button ok = button("markSuccess", "Success", "mdi2c-check-circle-outline", "Label the episode a success",
                keys.bind(SUCCESS, () -> vm.label(Outcome.SUCCESS)));
        ok.getStyleClass().add("success");
        ok.disableProperty().bind(live.not());
        Button bad = button("markFailure", "Failure", "mdi2c-close-circle-outline", "Label the episode a failure",
                keys.bind(FAILURE, () -> vm.label(Outcome.FAILURE)));
        bad.getStyleClass().add("danger");
        bad.disableProperty().bind(live.not());
        HBox actions = new HBox(8, task, start, save, discard, again, ok, bad);
        actions.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, actions, counters(vm));
        root.getStyleClass().add("panel");
        root.setId("recordingBar");
        root.setPadding(new Insets(10));
    }

    private static HBox counters(CollectViewModel vm) {
        Label rec = new Label();
        rec.setId("recordingState");
        rec.textProperty().bind(Bindings.when(vm.recordingProperty()).then("● REC").otherwise("idle"));
        rec.styleProperty().bind(Bindings.when(vm.recordingProperty()).then("-fx-text-fill: #f85149;")
                .otherwise(""));
        rec.getStyleClass().add("counter");
        Label timer = counter("episodeTimer", vm.timerProperty());
        Label count = new Label();
        count.setId("episodeCounter");
        count.getStyleClass().add("counter");
        count.textProperty().bind(Bindings.format("%d saved", vm.savedProperty()));
        Label outcome = new Label();
        outcome.setId("episodeOutcome");
        outcome.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.outcomeProperty().get()) {
            case SUCCESS -> "✔ success";
            case FAILURE -> "✘ failure";
            case UNLABELED -> "unlabelled";
        }, vm.outcomeProperty()));
        Label dropped = counter("droppedFrames", vm.droppedProperty());
        dropped.setGraphic(Icons.icon("mdi2f-film"));
        Label timing = counter("loopTiming", vm.timingProperty());
        timing.setGraphic(Icons.icon("mdi2t-timer-outline"));
        Label disk = counter("recordDisk", vm.freeDiskProperty());
        disk.setGraphic(Icons.icon("mdi2h-harddisk"));
        Label last = new Label();
        last.getStyleClass().add("hint");
        last.textProperty().bind(vm.lastEpisodeProperty());
        HBox box = new HBox(18, rec, timer, count, outcome, dropped, timing, disk, last);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label counter(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static Button button(String id, String text, String icon, String tip, String key) {
        Button b = Icons.decorate(new Button(text), icon, tip, key);
        b.setId(id);
        b.setFocusTraversable(false);
        return b;
    }

    public VBox node() {
        return root;
    }
}
