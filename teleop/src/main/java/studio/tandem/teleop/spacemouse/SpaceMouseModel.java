package studio.tandem.teleop.spacemouse;

/**
 * 3Dconnexion devices known to the raw-HID path, with their USB ids and report layout. Older
 * (Logitech-era, vendor 0x046d) devices send translation and rotation in separate reports (id 1 and
 * 2, three little-endian int16 each); newer ones (vendor 0x256f) send all six axes in one 13-byte
 * report id 1. Buttons come as a bitmask in report 3; the Enterprise also sends report 0x1c.
 */
public enum SpaceMouseModel {
    SPACE_TRAVELER(0x046d, 0xc623, "SpaceTraveler", Layout.SPLIT, 8),
    SPACE_PILOT(0x046d, 0xc625, "SpacePilot", Layout.SPLIT, 21),
    SPACE_NAVIGATOR(0x046d, 0xc626, "SpaceNavigator", Layout.SPLIT, 2),
    SPACE_EXPLORER(0x046d, 0xc627, "SpaceExplorer", Layout.SPLIT, 15),
    SPACE_NAVIGATOR_NOTEBOOKS(0x046d, 0xc628, "SpaceNavigator for Notebooks", Layout.SPLIT, 2),
    SPACE_PILOT_PRO(0x046d, 0xc629, "SpacePilot Pro", Layout.SPLIT, 31),
    SPACE_MOUSE_PRO(0x046d, 0xc62b, "SpaceMouse Pro", Layout.SPLIT, 15),
    SPACE_MOUSE_WIRELESS(0x256f, 0xc62e, "SpaceMouse Wireless (cable)", Layout.COMBINED, 2),
    SPACE_MOUSE_WIRELESS_RECEIVER(0x256f, 0xc62f, "SpaceMouse Wireless (receiver)", Layout.COMBINED, 2),
    SPACE_MOUSE_PRO_WIRELESS(0x256f, 0xc631, "SpaceMouse Pro Wireless (cable)", Layout.COMBINED, 15),
    SPACE_MOUSE_PRO_WIRELESS_RECEIVER(0x256f, 0xc632, "SpaceMouse Pro Wireless (receiver)", Layout.COMBINED, 15),
    SPACE_MOUSE_ENTERPRISE(0x256f, 0xc633, "SpaceMouse Enterprise", Layout.COMBINED, 31),
    SPACE_MOUSE_COMPACT(0x256f, 0xc635, "SpaceMouse Compact", Layout.COMBINED, 2),
    SPACE_MOUSE_MODULE(0x256f, 0xc636, "SpaceMouse Module", Layout.COMBINED, 2),
    UNIVERSAL_RECEIVER(0x256f, 0xc652, "3Dconnexion Universal Receiver", Layout.COMBINED, 31);

    /** How motion arrives in input reports. */
    public enum Layout {
        /** Report 1: tx ty tz; report 2: rx ry rz (int16 LE each, 7 bytes with the id). */
        SPLIT,
        /** Report 1: tx ty tz rx ry rz (13 bytes with the id). */
        COMBINED
    }

    private final int vendorId;
    private final int productId;
    private final String displayName;
    private final Layout layout;
    private final int buttons;

    SpaceMouseModel(int vendorId, int productId, String displayName, Layout layout, int buttons) {
        this.vendorId = vendorId;
        this.productId = productId;
        this.displayName = displayName;
        this.layout = layout;
        this.buttons = buttons;
    }

    public int vendorId() {
        return vendorId;
    }

    public int productId() {
        return productId;
    }

    public String displayName() {
        return displayName;
    }

    public Layout layout() {
        return layout;
    }

    /** Number of buttons the model has. */
    public int buttons() {
        return buttons;
    }

    /** The model with these USB ids, or null. */
    public static SpaceMouseModel find(int vendorId, int productId) {
        for (SpaceMouseModel m : values()) {
            if (m.vendorId == vendorId && m.productId == productId) {
                return m;
            }
        }
        return null;
    }
}
