package studio.tandem.autonomy.train;

import java.util.List;

/** The default hand policy's spec for the simulated station's four-finger hand. */
public final class SimHandPolicy {
    public static final String CAMERA = "observation.images.wrist";
    /** The hand targets commanded on the previous step (see {@code RuntimePredictor#COMMAND_SUFFIX}). */
    public static final String STATE = "observation.hand.command";
    public static final String TACTILE = "observation.hand.tactile";
    public static final String ACTION = "action.hand.joint_pos";

    private SimHandPolicy() {
    }

    /**
     * @param jointNames the hand's joints (12 for the sim hand)
     * @param fingertips tactile channels
     * @param vocabulary instruction words, starting with {@code <pad>}, {@code <unk>}
     * @param actionFps rate of the demonstrations' actions
     */
    public static PolicySpec spec(List<String> jointNames, int fingertips, List<String> vocabulary, double actionFps) {
        NetShape shape = new NetShape(16, 16, jointNames.size(), fingertips, vocabulary.size(), 8, 8, 96, 10,
                jointNames.size());
        return new PolicySpec(CAMERA, STATE, TACTILE, ACTION, jointNames, vocabulary, shape, 10, actionFps);
    }
}
