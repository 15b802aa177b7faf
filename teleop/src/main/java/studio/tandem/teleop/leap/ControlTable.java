package studio.tandem.teleop.leap;

/**
 * Addresses and units of the Dynamixel X-series control table (XC330 / XM430 used by the LEAP hand).
 * Positions are 4096 ticks per turn with 2048 at the middle; velocity is 0.229 rpm per unit.
 */
final class ControlTable {
    static final int OPERATING_MODE = 11;
    static final int TORQUE_ENABLE = 64;
    static final int POSITION_D_GAIN = 80;
    static final int POSITION_I_GAIN = 82;
    static final int POSITION_P_GAIN = 84;
    static final int GOAL_CURRENT = 102;
    static final int GOAL_POSITION = 116;
    /** Present current (2), velocity (4), position (4): one contiguous block for a single sync read. */
    static final int PRESENT_CURRENT = 126;
    static final int PRESENT_BLOCK = 10;
    static final int MODE_CURRENT_BASED_POSITION = 5;
    static final double RAD_PER_TICK = 2 * Math.PI / 4096;
    static final int CENTER_TICKS = 2048;
    static final double RAD_S_PER_VELOCITY_UNIT = 0.229 * 2 * Math.PI / 60;

    private ControlTable() {
    }

    static double ticksToRad(int ticks) {
        return (ticks - CENTER_TICKS) * RAD_PER_TICK;
    }

    static int radToTicks(double rad) {
        return (int) Math.round(rad / RAD_PER_TICK) + CENTER_TICKS;
    }
}
