package studio.tandem.teleop.spacemouse;

/** Receives decoded SpaceMouse input, on the device thread. Raw units (about ±350 at full deflection). */
public interface SpaceMouseListener {

    /** Translation x, y, z and rotation rx, ry, rz, in the source's own axis convention. */
    void onMotion(int tx, int ty, int tz, int rx, int ry, int rz);

    /** Button {@code index} (0-based) pressed or released. */
    void onButton(int index, boolean pressed);
}
