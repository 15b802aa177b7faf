package studio.tandem.teleop.sim;

/** Collision categories of the simulated scene (ODE category / collide bits). */
final class Collision {
    static final long TABLE = 1;
    static final long OBJECT = 2;
    static final long ARM = 4;
    static final long HAND = 8;

    private Collision() {
    }

    /** What each category collides with: robot parts never collide with each other. */
    static long collidesWith(long category) {
        if (category == TABLE) {
            return OBJECT | HAND;
        }
        if (category == OBJECT) {
            return TABLE | OBJECT | ARM | HAND;
        }
        if (category == ARM) {
            return OBJECT;
        }
        return OBJECT | TABLE;
    }
}
