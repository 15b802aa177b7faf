package studio.tandem.teleop.robotiq;

/**
 * The Robotiq 2F status registers (input registers 2000–2002): byte 0 gripper status (gACT bit 0, gGTO bit 3,
 * gSTA bits 4–5, gOBJ bits 6–7), byte 2 fault status (gFLT low nibble), byte 3 position request echo, byte 4
 * position gPO (0 open .. 255 closed), byte 5 motor current gCU (×10 mA).
 */
public final class GripperStatus {
    /** gSTA: activation complete. */
    public static final int ACTIVATED = 3;

    /** Object detection (gOBJ). */
    public enum ObjectDetection {
        /** Fingers moving to the requested position, no object detected. */
        MOVING,
        /** Stopped while opening: an object was detected (outward contact). */
        CONTACT_OPENING,
        /** Stopped while closing: an object was detected (inward contact, typical grasp). */
        CONTACT_CLOSING,
        /** At the requested position, no object (or the object was lost). */
        AT_REQUEST;

        static final ObjectDetection[] VALUES = values();
    }

    private GripperStatus() {
    }

    static int gAct(int[] r) {
        return (r[0] >>> 8) & 1;
    }

    static int gGto(int[] r) {
        return (r[0] >>> 11) & 1;
    }

    static int gSta(int[] r) {
        return (r[0] >>> 12) & 3;
    }

    static int gObj(int[] r) {
        return (r[0] >>> 14) & 3;
    }

    static int gFlt(int[] r) {
        return (r[1] >>> 8) & 0x0F;
    }

    static int gPo(int[] r) {
        return (r[2] >>> 8) & 0xFF;
    }

    static int gCu(int[] r) {
        return r[2] & 0xFF;
    }

    /** Major faults (gFLT ≥ 0x0A) need a reset; minor ones (0x05, 0x07, 0x08) are reported only. */
    static boolean major(int gFlt) {
        return gFlt >= 0x0A;
    }

    /** Meaning of a gFLT code, from the 2F-85/140 manual. */
    public static String faultText(int gFlt) {
        return switch (gFlt) {
            case 0x00 -> "no fault";
            case 0x05 -> "action delayed, activation must complete first";
            case 0x07 -> "the activation bit must be set first";
            case 0x08 -> "maximum operating temperature exceeded, let it cool";
            case 0x09 -> "no communication for at least 1 s";
            case 0x0A -> "under minimum operating voltage";
            case 0x0B -> "automatic release in progress";
            case 0x0C -> "internal fault";
            case 0x0D -> "activation fault, check that nothing blocks the fingers";
            case 0x0E -> "overcurrent triggered";
            case 0x0F -> "automatic release completed";
            default -> "fault 0x" + Integer.toHexString(gFlt);
        };
    }
}
