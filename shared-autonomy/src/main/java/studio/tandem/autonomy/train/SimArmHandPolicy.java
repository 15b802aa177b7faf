package studio.tandem.autonomy.train;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.autonomy.policy.PolicyManifest;

/**
 * The arm+hand policy's spec for the simulated station (6-joint arm, four-finger hand): it reads the
 * wrist camera, the arm and hand command of the previous step, tactile and the instruction, and
 * writes a chunk of arm-joint deltas (on the previous arm command) and absolute hand-joint targets.
 */
public final class SimArmHandPolicy {
    public static final String CAMERA = SimHandPolicy.CAMERA;
    /** Arm then hand joint targets commanded on the previous step (see {@code RuntimePredictor#COMMAND_SUFFIX}). */
    public static final String STATE = "observation.command";
    public static final String TACTILE = SimHandPolicy.TACTILE;
    /** The whole output (arm deltas then hand targets); its statistics de-normalise it. */
    public static final String ACTION = "action";
    public static final String ARM_ACTION = "action.arm.joint_pos";
    public static final String HAND_ACTION = SimHandPolicy.ACTION;
    /** Hidden units per layer (the arm needs more than the hand policy's 96). */
    public static final int HIDDEN = 128;

    private SimArmHandPolicy() {
    }

    /**
     * @param armJoints the arm's joints (6 for the sim arm)
     * @param handJoints the hand's joints (12 for the sim hand)
     * @param fingertips tactile channels
     * @param vocabulary instruction words, starting with {@code <pad>}, {@code <unk>}
     * @param actionFps rate of the demonstrations' actions
     * @param imageSize side of the square wrist image the network reads (px)
     * @param maxTokens instruction words the network reads
     */
    public static PolicySpec spec(List<String> armJoints, List<String> handJoints, int fingertips,
            List<String> vocabulary, double actionFps, int imageSize, int maxTokens) {
        List<String> names = new ArrayList<>(armJoints);
        names.addAll(handJoints);
        NetShape shape = new NetShape(imageSize, imageSize, names.size(), fingertips, vocabulary.size(), maxTokens, 8,
                HIDDEN, 10, names.size());
        List<PolicyManifest.ActionBlock> blocks = List.of(
                new PolicyManifest.ActionBlock("arm", ARM_ACTION, armJoints.size(), PolicyManifest.Representation.DELTA),
                new PolicyManifest.ActionBlock("hand", HAND_ACTION, handJoints.size(),
                        PolicyManifest.Representation.ABSOLUTE));
        return new PolicySpec(CAMERA, STATE, TACTILE, ACTION, names, vocabulary, shape, 10, actionFps, blocks);
    }
}
