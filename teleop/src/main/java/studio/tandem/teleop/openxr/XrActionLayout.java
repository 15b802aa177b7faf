package studio.tandem.teleop.openxr;

import java.util.ArrayList;
import java.util.List;

/**
 * The studio's OpenXR actions (one action set, {@code tandem_teleop}, both hands as subaction
 * paths) and their suggested bindings for the common interaction profiles. Pure data; the LWJGL
 * session code creates exactly these.
 */
public final class XrActionLayout {
    public static final String ACTION_SET = "tandem_teleop";
    public static final String LEFT = "/user/hand/left";
    public static final String RIGHT = "/user/hand/right";

    /** Actions: name, OpenXR type. */
    public enum ActionDef {
        GRIP_POSE("grip_pose", Type.POSE),
        AIM_POSE("aim_pose", Type.POSE),
        TRIGGER("trigger", Type.FLOAT),
        SQUEEZE("squeeze", Type.FLOAT),
        BUTTON_A("button_a", Type.BOOLEAN),
        BUTTON_B("button_b", Type.BOOLEAN),
        MENU("menu", Type.BOOLEAN);

        private final String actionName;
        private final Type type;

        ActionDef(String actionName, Type type) {
            this.actionName = actionName;
            this.type = type;
        }

        public String actionName() {
            return actionName;
        }

        public Type type() {
            return type;
        }
    }

    /** Action value types. */
    public enum Type { POSE, FLOAT, BOOLEAN }

    /** One suggested binding: in {@code profile}, {@code action} for the given hand reads {@code path}. */
    public record Binding(String profile, ActionDef action, String path) {
    }

    private XrActionLayout() {
    }

    /** Every suggested binding, grouped by interaction profile (in this order). */
    public static List<Binding> bindings() {
        List<Binding> b = new ArrayList<>();
        String simple = "/interaction_profiles/khr/simple_controller";
        for (String h : new String[] {LEFT, RIGHT}) {
            poses(b, simple, h);
            b.add(new Binding(simple, ActionDef.TRIGGER, h + "/input/select/click"));
            b.add(new Binding(simple, ActionDef.MENU, h + "/input/menu/click"));
        }
        String touch = "/interaction_profiles/oculus/touch_controller";
        for (String h : new String[] {LEFT, RIGHT}) {
            poses(b, touch, h);
            b.add(new Binding(touch, ActionDef.TRIGGER, h + "/input/trigger/value"));
            b.add(new Binding(touch, ActionDef.SQUEEZE, h + "/input/squeeze/value"));
            b.add(new Binding(touch, ActionDef.BUTTON_A, h + (h.equals(LEFT) ? "/input/x/click" : "/input/a/click")));
            b.add(new Binding(touch, ActionDef.BUTTON_B, h + (h.equals(LEFT) ? "/input/y/click" : "/input/b/click")));
        }
        b.add(new Binding(touch, ActionDef.MENU, LEFT + "/input/menu/click"));
        String index = "/interaction_profiles/valve/index_controller";
        for (String h : new String[] {LEFT, RIGHT}) {
            poses(b, index, h);
            b.add(new Binding(index, ActionDef.TRIGGER, h + "/input/trigger/value"));
            b.add(new Binding(index, ActionDef.SQUEEZE, h + "/input/squeeze/value"));
            b.add(new Binding(index, ActionDef.BUTTON_A, h + "/input/a/click"));
            b.add(new Binding(index, ActionDef.BUTTON_B, h + "/input/b/click"));
        }
        String vive = "/interaction_profiles/htc/vive_controller";
        for (String h : new String[] {LEFT, RIGHT}) {
            poses(b, vive, h);
            b.add(new Binding(vive, ActionDef.TRIGGER, h + "/input/trigger/value"));
            b.add(new Binding(vive, ActionDef.SQUEEZE, h + "/input/squeeze/click"));
            b.add(new Binding(vive, ActionDef.BUTTON_A, h + "/input/trackpad/click"));
            b.add(new Binding(vive, ActionDef.MENU, h + "/input/menu/click"));
        }
        return List.copyOf(b);
    }

    private static void poses(List<Binding> b, String profile, String hand) {
        b.add(new Binding(profile, ActionDef.GRIP_POSE, hand + "/input/grip/pose"));
        b.add(new Binding(profile, ActionDef.AIM_POSE, hand + "/input/aim/pose"));
    }

    /** The distinct profiles, in order. */
    public static List<String> profiles() {
        List<String> out = new ArrayList<>();
        for (Binding x : bindings()) {
            if (!out.contains(x.profile())) {
                out.add(x.profile());
            }
        }
        return out;
    }
}
