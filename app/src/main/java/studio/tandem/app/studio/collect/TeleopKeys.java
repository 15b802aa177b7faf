package studio.tandem.app.studio.collect;

import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Routes key presses and releases to the keyboard teleop while a workspace is visible and no text
 * field has the focus; keys the teleop binds are consumed, others pass on. Releases every key when
 * the window loses focus. FX thread.
 */
public final class TeleopKeys {
    private TeleopKeys() {
    }

    public static void install(Scene scene, CollectViewModel vm, BooleanSupplier active) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (active.getAsBoolean() && !e.isConsumed() && !(e.getTarget() instanceof TextInputControl)
                    && !e.isShortcutDown() && !e.isAltDown() && vm.keyDown(e.getCode().name())) {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (active.getAsBoolean() && vm.keyUp(e.getCode().name())) {
                e.consume();
            }
        });
        scene.windowProperty().addListener((o, a, w) -> {
            if (w != null) {
                w.focusedProperty().addListener((oo, was, focused) -> {
                    if (!focused) {
                        vm.releaseKeys();
                    }
                });
            }
        });
    }
}
