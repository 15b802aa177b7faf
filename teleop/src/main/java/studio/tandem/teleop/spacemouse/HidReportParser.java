package studio.tandem.teleop.spacemouse;

/**
 * Decodes 3Dconnexion HID input reports (with the report id as the first byte, as hidapi returns
 * them on Linux) into axis values and a button bitmask. Keeps the last value of every axis, since
 * split-layout devices update translation and rotation in separate reports. Device thread;
 * allocation-free.
 */
public final class HidReportParser {
    /** What a report contained. */
    public enum Kind { MOTION, BUTTONS, IGNORED, MALFORMED }

    public static final int REPORT_TRANSLATION = 1;
    public static final int REPORT_ROTATION = 2;
    public static final int REPORT_BUTTONS = 3;
    /** SpaceMouse Enterprise: pressed button numbers (1-based), zero-terminated. */
    public static final int REPORT_ENTERPRISE_BUTTONS = 0x1c;

    private final SpaceMouseModel.Layout layout;
    private final int[] axes = new int[6];
    private long buttons;
    private long malformed;

    public HidReportParser(SpaceMouseModel.Layout layout) {
        this.layout = layout;
    }

    /** Parses one report of {@code length} bytes. */
    public Kind parse(byte[] report, int length) {
        if (length < 1) {
            return malformed();
        }
        int id = report[0] & 0xff;
        switch (id) {
            case REPORT_TRANSLATION -> {
                int needed = layout == SpaceMouseModel.Layout.COMBINED ? 13 : 7;
                if (length < needed) {
                    return malformed();
                }
                readAxes(report, 0, layout == SpaceMouseModel.Layout.COMBINED ? 6 : 3);
                return Kind.MOTION;
            }
            case REPORT_ROTATION -> {
                if (layout == SpaceMouseModel.Layout.COMBINED) {
                    return Kind.IGNORED;
                }
                if (length < 7) {
                    return malformed();
                }
                readAxes(report, 3, 3);
                return Kind.MOTION;
            }
            case REPORT_BUTTONS -> {
                long b = 0;
                for (int i = 1; i < Math.min(length, 9); i++) {
                    b |= (long) (report[i] & 0xff) << (8 * (i - 1));
                }
                buttons = b;
                return Kind.BUTTONS;
            }
            case REPORT_ENTERPRISE_BUTTONS -> {
                long b = 0;
                for (int i = 1; i < length && report[i] != 0; i++) {
                    int n = (report[i] & 0xff) - 1;
                    if (n < 64) {
                        b |= 1L << n;
                    }
                }
                buttons = b;
                return Kind.BUTTONS;
            }
            default -> {
                return Kind.IGNORED; // battery, LED state, ...
            }
        }
    }

    private void readAxes(byte[] r, int firstAxis, int count) {
        for (int i = 0; i < count; i++) {
            int lo = r[1 + 2 * i] & 0xff;
            int hi = r[2 + 2 * i];
            axes[firstAxis + i] = (short) ((hi << 8) | lo);
        }
    }

    private Kind malformed() {
        malformed++;
        return Kind.MALFORMED;
    }

    /** Axis value: 0..2 translation x, y, z; 3..5 rotation x, y, z (raw HID convention). */
    public int axis(int i) {
        return axes[i];
    }

    public long buttons() {
        return buttons;
    }

    /** Reports too short for their id (counted, not used). */
    public long malformedCount() {
        return malformed;
    }
}
