package studio.tandem.app.studio.correct;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.arbitration.ArbitrationTable;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.PolicyPort;

/**
 * Who commands each joint group while the policy runs: operator, policy or a blend (with the policy's
 * weight) for the arm and for the hand, and the mode presets (teleop, shared, autonomous) that set
 * both. A change goes live at the running loop's next tick ({@link ControlLoop#requestArbitration}, no
 * rebuild) and is noted with the episode; groups the loaded policy does not drive stay with the
 * operator, their selector disabled with the reason. Also the operator's switch "pause the policy when
 * the failure score crosses its threshold" (on by default: the policy stops and calls the human).
 * FX thread only.
 */
public final class AuthorityControl {
    private final ObjectProperty<Authority> arm = new SimpleObjectProperty<>(Authority.OPERATOR);
    private final ObjectProperty<Authority> hand = new SimpleObjectProperty<>(Authority.OPERATOR);
    private final ObjectProperty<Mode> preset = new SimpleObjectProperty<>(Mode.TELEOP);
    private final DoubleProperty blendWeight = new SimpleDoubleProperty(0.5);
    private final BooleanProperty armDriven = new SimpleBooleanProperty();
    private final BooleanProperty handDriven = new SimpleBooleanProperty();
    private final StringProperty armReason = new SimpleStringProperty("no policy loaded");
    private final StringProperty handReason = new SimpleStringProperty("no policy loaded");
    private final BooleanProperty pauseOnFailure = new SimpleBooleanProperty(true);
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private ControlLoop appliedTo;

    /** A policy was loaded (or unloaded with null): which groups it drives; the shared preset where it can. */
    void policyLoaded(PolicyPort policy) {
        boolean a = policy != null && policy.drives(JointGroup.ARM);
        boolean h = policy != null && policy.drives(JointGroup.HAND);
        armDriven.set(a);
        handDriven.set(h);
        String only = a && !h ? "this policy drives the arm only" : !a && h ? "this policy drives the hand only" : "";
        armReason.set(policy == null ? "no policy loaded" : a ? "" : only);
        handReason.set(policy == null ? "no policy loaded" : h ? "" : only);
        preset(h ? Mode.SHARED : a ? Mode.AUTONOMOUS : Mode.TELEOP);
    }

    /**
     * Applies a preset: teleop (operator arm and hand), shared (operator arm, policy hand), autonomous
     * (the policy has every group it drives); the loop runs in that mode.
     */
    public void preset(Mode m) {
        preset.set(m);
        arm.set(m == Mode.AUTONOMOUS && armDriven.get() ? Authority.POLICY : Authority.OPERATOR);
        hand.set(m != Mode.TELEOP && handDriven.get() ? Authority.POLICY : Authority.OPERATOR);
        changed();
    }

    /**
     * Sets one group's authority (a group the policy does not drive stays the operator's); on a change
     * the mode becomes the one that names the selection ({@link #modeFor}).
     */
    public void set(JointGroup g, Authority a) {
        boolean driven = g == JointGroup.ARM ? armDriven.get() : handDriven.get();
        ObjectProperty<Authority> p = g == JointGroup.ARM ? arm : hand;
        Authority next = driven ? a : Authority.OPERATOR;
        if (next == p.get()) {
            return;
        }
        p.set(next);
        preset.set(modeFor(arm.get(), hand.get()));
        changed();
    }

    /** The policy's weight in a blend, 0..1 (the operator has 1 − w). */
    public void blendWeight(double w) {
        double next = Math.max(0, Math.min(1, w));
        if (next != blendWeight.get()) {
            blendWeight.set(next);
            changed();
        }
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** The mode that names a selection: any policy arm is autonomous, a policy hand alone is shared. */
    static Mode modeFor(Authority arm, Authority hand) {
        return arm != Authority.OPERATOR ? Mode.AUTONOMOUS : hand != Authority.OPERATOR ? Mode.SHARED : Mode.TELEOP;
    }

    /** The table of the selection: the row of its mode holds the two groups' authority. */
    ArbitrationTable table() {
        Mode m = preset.get();
        ArbitrationTable t = ArbitrationTable.standard().withBlendWeight(blendWeight.get());
        return m == Mode.TELEOP ? t : t.with(m, JointGroup.ARM, arm.get()).with(m, JointGroup.HAND, hand.get());
    }

    /**
     * Sends the selection to the session's loop (live at its next tick) and notes it with the episode
     * being recorded; {@code running} false sends teleop (the operator has both groups).
     */
    void apply(StationSession s, boolean running) {
        apply(s.loop(), running, s::annotate);
    }

    /** {@link #apply(StationSession, boolean)} on one loop; {@code note} records the change with the episode. */
    void apply(ControlLoop loop, boolean running, Consumer<String> note) {
        Mode m = running ? preset.get() : Mode.TELEOP;
        loop.requestArbitration(table(), m);
        loop.failureMonitor().pausesOnFailure(pauseOnFailure.get());
        appliedTo = loop;
        note.accept("authority: " + describe(running));
    }

    /** Whether {@code loop} is not the one the selection was last sent to (the session rebuilt it). */
    boolean stale(ControlLoop loop) {
        return loop != appliedTo;
    }

    /** One line: "arm operator · hand blend 50 % policy · teleop preset". */
    String describe(boolean running) {
        if (!running) {
            return "policy paused, operator has arm and hand";
        }
        return "arm " + name(arm.get()) + " · hand " + name(hand.get()) + " · " + preset.get().name()
                .toLowerCase(Locale.ROOT);
    }

    private String name(Authority a) {
        return a == Authority.BLEND ? String.format(Locale.ROOT, "blend %.0f %% policy", blendWeight.get() * 100)
                : a.name().toLowerCase(Locale.ROOT);
    }

    public ObjectProperty<Authority> armProperty() {
        return arm;
    }

    public ObjectProperty<Authority> handProperty() {
        return hand;
    }

    /** The mode sent to the loop: the preset chosen, or the one that names a per-group selection. */
    public ObjectProperty<Mode> presetProperty() {
        return preset;
    }

    /** Moves once per change of the selection (preset, group, blend weight): apply it then. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    public DoubleProperty blendWeightProperty() {
        return blendWeight;
    }

    /** Whether the loaded policy drives the arm (its selector is enabled). */
    public BooleanProperty armDrivenProperty() {
        return armDriven;
    }

    public BooleanProperty handDrivenProperty() {
        return handDriven;
    }

    /** Why the arm selector is disabled, empty when it is enabled. */
    public StringProperty armReasonProperty() {
        return armReason;
    }

    public StringProperty handReasonProperty() {
        return handReason;
    }

    /** The operator's switch: an alert pauses the policy until Run resumes it. */
    public BooleanProperty pauseOnFailureProperty() {
        return pauseOnFailure;
    }
}
