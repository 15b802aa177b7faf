package studio.tandem.app.studio.common;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A workspace's keyboard shortcuts (foot pedals that send keys work the same). Shortcuts without a
 * modifier are ignored while a text field has the focus, so typing never triggers them; function keys
 * (F1..F24, what pedals usually send) type nothing and work everywhere.
 * FX thread only.
 */
public final class Shortcuts {
    private final Map<KeyCombination, Runnable> map = new LinkedHashMap<>();

    /** Binds {@code keys} (e.g. "Ctrl+Z", "Space") to {@code action}; returns the display text. */
    public String bind(String keys, Runnable action) {
        KeyCombination k = KeyCombination.valueOf(keys);
        map.put(k, action);
        return k.getDisplayText();
    }

    /** Runs the matching shortcut, consuming the event; false if none matched. */
    public boolean handle(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        for (Map.Entry<KeyCombination, Runnable> s : map.entrySet()) {
            if (s.getKey().match(e)) {
                if (typing && !hasModifier(s.getKey()) && !isFunctionKey(s.getKey())) {
                    return false;
                }
                e.consume();
                s.getValue().run();
                return true;
            }
        }
        return false;
    }

    private static boolean hasModifier(KeyCombination k) {
        return k.getControl() == KeyCombination.ModifierValue.DOWN || k.getAlt() == KeyCombination.ModifierValue.DOWN
                || k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getMeta() == KeyCombination.ModifierValue.DOWN;
    }

    private static boolean isFunctionKey(KeyCombination k) {
        return k instanceof javafx.scene.input.KeyCodeCombination c && c.getCode().isFunctionKey();
    }

    public Map<KeyCombination, Runnable> all() {
        return Map.copyOf(map);
    }
}
