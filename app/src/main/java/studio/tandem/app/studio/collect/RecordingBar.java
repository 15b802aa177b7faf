package studio.tandem.app.studio.collect;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import studio.tandem.app.studio.session.EpisodeHold.Decision;

/**
 * The recording bar: task text, record, stop (the episode is held for a decision), then save as a
 * success or failure, save unlabelled, discard or re-record; the same keys also act straight from
 * recording (stop and decide in one key). Episode counters, timer (frozen while a decision is
 * awaited), dropped frames, loop timing, free disk. Every action has a key (foot pedals send keys
 * too), named in its tooltip. Binds only.
 */
public final class RecordingBar {
    public static final String START = "F5";
    public static final String SAVE = "F6";
    public static final String DISCARD = "F7";
    public static final String RERECORD = "F8";
    public static final String SUCCESS = "F9";
    public static final String FAILURE = "F10";
    public static final String STOP = "F11";
    /** What happens to a held episode when the operator leaves without deciding. */
    public static final String LEAVING_RULE = "Closing the studio or opening Review saves it unlabelled "
            + "(relabel it there).";

    private final VBox root;

    public RecordingBar(CollectViewModel vm, Shortcuts keys) {
        EpisodeControl ep = vm.episodes();
        TextField task = new TextField();
        task.setId("recordTask");
        task.setPromptText("Task instruction, e.g. pick up the red cube");
        task.textProperty().bindBidirectional(vm.taskProperty());
        task.disableProperty().bind(ep.recordingProperty().or(ep.awaitingProperty()));
        HBox.setHgrow(task, Priority.ALWAYS);
        task.setOnAction(e -> task.getParent().requestFocus());
        BooleanBinding ready = ep.busyProperty().not();
        BooleanBinding idle = ep.recordingProperty().not().and(ep.awaitingProperty().not()).and(ready);
        BooleanBinding live = ep.recordingProperty().and(ready);
        BooleanBinding open = ep.recordingProperty().or(ep.awaitingProperty()).and(ready);
        Button start = button("recordStart", "Record", "mdi2r-record", "Start recording an episode",
                keys.bind(START, ep::start), idle);
        start.getStyleClass().add("danger");
        Button stop = button("recordStop", "Stop", "mdi2s-stop", "Stop recording; then decide what to keep",
                keys.bind(STOP, ep::stop), live);
        Button save = button("recordSave", "Save unlabelled", "mdi2c-content-save",
                "Save the episode unlabelled (stops it first when recording)",
                keys.bind(SAVE, () -> ep.save(Decision.KEEP_LABEL)), open);
        Button ok = button("markSuccess", "Success", "mdi2c-check-circle-outline",
                "Save the episode as a success (stops it first when recording)",
                keys.bind(SUCCESS, () -> ep.save(Decision.SUCCESS)), open);
        ok.getStyleClass().add("success");
        Button bad = button("markFailure", "Failure", "mdi2c-close-circle-outline",
                "Save the episode as a failure (stops it first when recording)",
                keys.bind(FAILURE, () -> ep.save(Decision.FAILURE)), open);
        bad.getStyleClass().add("danger");
        Button discard = button("recordDiscard", "Discard", "mdi2d-delete-outline", "Throw this episode away",
                keys.bind(DISCARD, ep::discard), open);
        Button again = button("recordAgain", "Re-record", "mdi2r-restart", "Discard this episode and start again",
                keys.bind(RERECORD, ep::rerecord), open);
        HBox actions = new HBox(8, task, start, stop, ok, bad, save, discard, again);
        actions.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, actions, decisionPrompt(ep), counters(vm, ep));
        root.getStyleClass().add("panel");
        root.setId("recordingBar");
        root.setPadding(new Insets(10));
    }

    private static Label decisionPrompt(EpisodeControl ep) {
        Label l = new Label("⏸ AWAITING DECISION — " + SUCCESS + " success · " + FAILURE + " failure · " + SAVE
                + " save unlabelled · " + DISCARD + " discard · " + RERECORD + " re-record. " + LEAVING_RULE);
        l.setId("decisionPrompt");
        l.getStyleClass().add("decision-prompt");
        l.setStyle("-fx-text-fill: #d29922; -fx-font-weight: bold;");
        l.setWrapText(true);
        l.visibleProperty().bind(ep.awaitingProperty());
        l.managedProperty().bind(ep.awaitingProperty());
        return l;
    }

    private static HBox counters(CollectViewModel vm, EpisodeControl ep) {
        Label rec = new Label();
        rec.setId("recordingState");
        rec.textProperty().bind(Bindings.createStringBinding(() -> switch (ep.phaseProperty().get()) {
            case RECORDING -> "● REC";
            case AWAITING_DECISION -> "⏸ awaiting decision";
            case IDLE -> "idle";
        }, ep.phaseProperty()));
        rec.styleProperty().bind(Bindings.createStringBinding(() -> switch (ep.phaseProperty().get()) {
            case RECORDING -> "-fx-text-fill: #f85149;";
            case AWAITING_DECISION -> "-fx-text-fill: #d29922;";
            case IDLE -> "";
        }, ep.phaseProperty()));
        rec.getStyleClass().add("counter");
        Label timer = counter("episodeTimer", ep.timerProperty());
        Label count = new Label();
        count.setId("episodeCounter");
        count.getStyleClass().add("counter");
        count.textProperty().bind(Bindings.createStringBinding(() -> ep.discardedProperty().get() == 0
                ? ep.savedProperty().get() + " saved"
                : ep.savedProperty().get() + " saved · " + ep.discardedProperty().get() + " discarded",
                ep.savedProperty(), ep.discardedProperty()));
        Label outcome = new Label();
        outcome.setId("episodeOutcome");
        outcome.textProperty().bind(Bindings.createStringBinding(() -> switch (ep.outcomeProperty().get()) {
            case SUCCESS -> "✔ success";
            case FAILURE -> "✘ failure";
            case UNLABELED -> "unlabelled";
        }, ep.outcomeProperty()));
        Label dropped = counter("droppedFrames", vm.droppedProperty());
        dropped.setGraphic(Icons.icon("mdi2f-film"));
        Label timing = counter("loopTiming", vm.timingProperty());
        timing.setGraphic(Icons.icon("mdi2t-timer-outline"));
        Label disk = counter("recordDisk", vm.freeDiskProperty());
        disk.setGraphic(Icons.icon("mdi2h-harddisk"));
        Label last = new Label();
        last.getStyleClass().add("hint");
        last.textProperty().bind(ep.lastEpisodeProperty());
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

    private static Button button(String id, String text, String icon, String tip, String key,
            javafx.beans.value.ObservableBooleanValue enabled) {
        Button b = Icons.decorate(new Button(text), icon, tip, key);
        b.setId(id);
        b.setFocusTraversable(false);
        b.disableProperty().bind(Bindings.not(enabled));
        return b;
    }

    public VBox node() {
        return root;
    }
}
