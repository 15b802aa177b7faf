package studio.tandem.app.studio;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The shell's state: the visible workspace, the latched emergency stop and the status line.
 * Engaging the e-stop tells the injected {@link EmergencyStop} at once; only an explicit reset
 * releases it. FX thread only.
 */
public final class ShellViewModel {
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(Workspace.REVIEW);
    private final BooleanProperty estopped = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Ready.");
    private final EmergencyStop stop;
    private long estopCount;

    /** Whoever must stop the robot: the station's control loop. Called on the FX thread; must not block. */
    public interface EmergencyStop {
        void engage(String reason);

        void reset();
    }

    public ShellViewModel(EmergencyStop stop) {
        this.stop = stop;
    }

    /** Engages the e-stop (idempotent while latched). */
    public void engageEstop(String reason) {
        estopCount++;
        stop.engage(reason);
        if (!estopped.get()) {
            estopped.set(true);
            status.set("EMERGENCY STOP (" + reason + "): the robot holds. Reset when safe.");
        }
    }

    /** Releases a latched e-stop. */
    public void resetEstop() {
        if (estopped.get()) {
            stop.reset();
            estopped.set(false);
            status.set("E-stop reset.");
        }
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public BooleanProperty estoppedProperty() {
        return estopped;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Times the e-stop was pressed (also while already latched). */
    public long estopPresses() {
        return estopCount;
    }
}
