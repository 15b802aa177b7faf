package studio.tandem.autonomy.train;

import studio.tandem.autonomy.policy.ImageFrame;

/**
 * One raw demonstration step: the wrist frame, the hand state the policy reads (rad: the previous
 * command for the default policy), tactile (N), the
 * instruction, and the demonstrated hand targets of the next {@code horizon} action steps
 * (horizon × dof, row-major, rad).
 */
public record DemoStep(ImageFrame frame, double[] handState, double[] tactile, String instruction, double[] chunk) {
}
