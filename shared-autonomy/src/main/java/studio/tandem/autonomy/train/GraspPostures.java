package studio.tandem.autonomy.train;

/**
 * The two grasps the default hand policy knows, as joint targets (radians) of a hand with
 * {@code dof} joints: joint 0 is the thumb, joint 1 the index finger, the rest the other fingers.
 * A pinch closes thumb and index; a power grasp closes every finger, more for smaller objects.
 */
public final class GraspPostures {
    public static final String PINCH = "pinch";
    public static final String POWER = "power";

    private GraspPostures() {
    }

    /** Which grasp an instruction asks for: "power" anywhere in it means power, otherwise pinch. */
    public static String grasp(String instruction) {
        return instruction.toLowerCase(java.util.Locale.ROOT).contains("power") ? POWER : PINCH;
    }

    /**
     * Writes the closed posture for an object of {@code size} (0..1 of the wrist image width).
     */
    public static void closed(String grasp, double size, int dof, double[] out) {
        double close = 1.4 - 0.8 * Math.min(Math.max(size, 0), 1);
        for (int j = 0; j < dof; j++) {
            boolean pinchFinger = j < 2;
            out[j] = POWER.equals(grasp) ? close : (pinchFinger ? 0.9 * close : 0.05);
        }
    }
}
