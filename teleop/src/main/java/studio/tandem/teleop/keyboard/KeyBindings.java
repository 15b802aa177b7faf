package studio.tandem.teleop.keyboard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Key name → action. Names are toolkit-neutral upper-case key names (as JavaFX {@code KeyCode.name()}
 * spells them: {@code W}, {@code SPACE}, {@code ESCAPE}, {@code PAGE_UP}...). Immutable.
 */
public final class KeyBindings {
    private final Map<String, KeyAction> byName;

    private KeyBindings(Map<String, KeyAction> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * W/S forward/back (x), A/D left/right (y), R/F up/down (z), I/K pitch, J/L yaw, U/O roll,
     * G close and H open the gripper, SPACE toggles following, ESCAPE is the e-stop.
     */
    public static KeyBindings defaults() {
        Map<String, KeyAction> m = new HashMap<>();
        m.put("W", KeyAction.X_POS);
        m.put("S", KeyAction.X_NEG);
        m.put("A", KeyAction.Y_POS);
        m.put("D", KeyAction.Y_NEG);
        m.put("R", KeyAction.Z_POS);
        m.put("F", KeyAction.Z_NEG);
        m.put("U", KeyAction.ROLL_POS);
        m.put("O", KeyAction.ROLL_NEG);
        m.put("I", KeyAction.PITCH_POS);
        m.put("K", KeyAction.PITCH_NEG);
        m.put("J", KeyAction.YAW_POS);
        m.put("L", KeyAction.YAW_NEG);
        m.put("G", KeyAction.GRIPPER_CLOSE);
        m.put("H", KeyAction.GRIPPER_OPEN);
        m.put("SPACE", KeyAction.CLUTCH);
        m.put("ESCAPE", KeyAction.ESTOP);
        return new KeyBindings(m);
    }

    /**
     * Builds bindings from names.
     *
     * @throws IllegalArgumentException naming the key bound twice or the unknown action
     */
    public static KeyBindings of(Map<String, String> keyToAction) {
        Map<String, KeyAction> m = new HashMap<>();
        for (Map.Entry<String, String> e : keyToAction.entrySet()) {
            KeyAction a;
            try {
                a = KeyAction.valueOf(e.getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("keyboard.bindings." + e.getKey() + ": unknown action '"
                        + e.getValue() + "'");
            }
            if (m.put(e.getKey().toUpperCase(Locale.ROOT), a) != null) {
                throw new IllegalArgumentException("keyboard.bindings: key '" + e.getKey() + "' bound twice");
            }
        }
        return new KeyBindings(m);
    }

    /** The action of a key, or null when unbound. No allocation for upper-case names. */
    public KeyAction action(String keyName) {
        return byName.get(keyName);
    }
}
