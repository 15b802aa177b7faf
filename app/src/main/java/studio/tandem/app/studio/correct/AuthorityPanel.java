package studio.tandem.app.studio.correct;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;

/**
 * Correct's authority panel: mode presets (teleop / shared / autonomous), operator / policy / blend
 * for the arm and for the hand with the reason a group is disabled, the blend weight, and the
 * failure-pause switch. Binds only.
 */
final class AuthorityPanel {
    private AuthorityPanel() {
    }

    /** Preset keys, in {@link Mode} order (teleop, shared, autonomous). */
    static final String[] PRESET_KEYS = {"1", "2", "3"};

    static Node build(AuthorityControl a, ObservableBooleanValue loaded, Shortcuts keys) {
        Label title = new Label("Authority");
        title.getStyleClass().add("panel-title");
        VBox box = new VBox(6, title, presets(a, loaded, keys),
                group(a, JointGroup.ARM, "Arm", loaded), group(a, JointGroup.HAND, "Hand", loaded),
                blend(a, loaded), pauseSwitch(a));
        box.setId("authorityPanel");
        return box;
    }

    private static Node presets(AuthorityControl a, ObservableBooleanValue loaded, Shortcuts keys) {
        ToggleGroup g = new ToggleGroup();
        HBox row = new HBox(4);
        for (Mode m : Mode.values()) {
            String name = m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT);
            ToggleButton b = new ToggleButton(name);
            b.setId("preset" + name);
            b.setToggleGroup(g);
            b.setFocusTraversable(false);
            b.setUserData(m);
            String key = keys.bind(PRESET_KEYS[m.ordinal()], () -> {
                if (!b.isDisabled()) {
                    a.preset(m);
                }
            });
            b.setTooltip(new Tooltip(switch (m) {
                case TELEOP -> "The operator drives arm and hand";
                case SHARED -> "The operator drives the arm, the policy the hand";
                case AUTONOMOUS -> "The policy drives every group it can; the operator may intervene";
            } + " (" + key + ")"));
            b.setSelected(a.presetProperty().get() == m);
            b.setOnAction(e -> {
                a.preset(m);
                b.setSelected(true);
            });
            b.disableProperty().bind(Bindings.not(loaded));
            row.getChildren().add(b);
        }
        a.presetProperty().addListener((o, was, now) -> g.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        return row;
    }

    private static Node group(AuthorityControl a, JointGroup group, String name, ObservableBooleanValue loaded) {
        boolean arm = group == JointGroup.ARM;
        ChoiceBox<Authority> choice = new ChoiceBox<>();
        choice.getItems().setAll(Authority.values());
        choice.setId(arm ? "armAuthoritySelect" : "handAuthoritySelect");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Authority x) {
                return x == null ? "" : x.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Authority fromString(String s) {
                return Authority.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        var value = arm ? a.armProperty() : a.handProperty();
        choice.setValue(value.get());
        value.addListener((o, was, now) -> choice.setValue(now));
        choice.setOnAction(e -> {
            if (choice.getValue() != null && choice.getValue() != value.get()) {
                a.set(group, choice.getValue());
            }
        });
        choice.disableProperty().bind(Bindings.not(loaded).or((arm ? a.armDrivenProperty() : a.handDrivenProperty()).not()));
        Label label = new Label(name);
        label.setMinWidth(44);
        Label reason = new Label();
        reason.setId(arm ? "armAuthorityReason" : "handAuthorityReason");
        reason.getStyleClass().add("hint");
        reason.textProperty().bind(arm ? a.armReasonProperty() : a.handReasonProperty());
        reason.setWrapText(true);
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        HBox row = new HBox(8, label, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, reason);
    }

    private static Node blend(AuthorityControl a, ObservableBooleanValue loaded) {
        Slider s = new Slider(0, 1, a.blendWeightProperty().get());
        s.setId("blendWeight");
        s.setBlockIncrement(0.05);
        s.setTooltip(new Tooltip("In a blend, the policy's share of the command (the operator has the rest)"));
        s.disableProperty().bind(Bindings.not(loaded));
        s.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                a.blendWeight(s.getValue());
            }
        });
        s.valueProperty().addListener((o, was, now) -> {
            if (!s.isValueChanging()) {
                a.blendWeight(now.doubleValue());
            }
        });
        a.blendWeightProperty().addListener((o, was, now) -> s.setValue(now.doubleValue()));
        Label l = new Label();
        l.textProperty().bind(Bindings.format(Locale.ROOT, "blend: policy %.0f %%",
                a.blendWeightProperty().multiply(100)));
        l.setMinWidth(110);
        HBox row = new HBox(8, l, s);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node pauseSwitch(AuthorityControl a) {
        CheckBox c = new CheckBox("Pause the policy when the failure score crosses its threshold");
        c.setId("pauseOnFailure");
        c.setWrapText(true);
        c.setFocusTraversable(false);
        c.selectedProperty().bindBidirectional(a.pauseOnFailureProperty());
        c.setTooltip(new Tooltip("On: an alert hands the robot to the operator until Run resumes the policy. "
                + "Off: the alert is shown and recorded only."));
        return c;
    }
}
