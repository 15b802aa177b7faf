package studio.tandem.teleop.input;

/** Which hand a controller or tracked hand belongs to; its ordinal is the pose channel of two-handed devices. */
public enum Side {
    LEFT, RIGHT
}
