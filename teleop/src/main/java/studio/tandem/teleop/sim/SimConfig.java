package studio.tandem.teleop.sim;

import java.util.List;
import studio.tandem.teleop.robot.HandSpec;

/**
 * Configuration of the simulated station.
 *
 * @param seed seeds object placement and the solver; same seed + same commands → same states
 * @param physicsHz physics rate (Hz), ≥ 240
 * @param hand multi-finger hand or parallel gripper
 * @param objects graspable objects placed on the table
 * @param armStart initial joint positions (rad)
 */
public record SimConfig(long seed, int physicsHz, HandSpec.Kind hand, List<ObjectSpec> objects, double[] armStart) {

    /** UR5e "home": the flange points down, about 0.37 m above the table in front of the robot (−x). */
    public static final double[] HOME = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};

    public SimConfig {
        if (physicsHz < 240 || physicsHz > 4000) {
            throw new IllegalArgumentException("sim: physicsHz must be in 240..4000, was " + physicsHz);
        }
        if (armStart.length != 6) {
            throw new IllegalArgumentException("sim: armStart must have 6 joint positions");
        }
        objects = List.copyOf(objects);
        armStart = armStart.clone();
    }

    /** The default station: 480 Hz physics, the multi-finger hand, the default objects. */
    public static SimConfig defaults(long seed) {
        return new SimConfig(seed, 480, HandSpec.Kind.MULTI_FINGER, ObjectSpec.defaults(), HOME);
    }

    public SimConfig withHand(HandSpec.Kind kind) {
        return new SimConfig(seed, physicsHz, kind, objects, armStart);
    }

    public SimConfig withObjects(List<ObjectSpec> list) {
        return new SimConfig(seed, physicsHz, hand, list, armStart);
    }

    public SimConfig withPhysicsHz(int hz) {
        return new SimConfig(seed, hz, hand, objects, armStart);
    }

    /** Physics period (ns). */
    public long periodNanos() {
        return 1_000_000_000L / physicsHz;
    }
}
