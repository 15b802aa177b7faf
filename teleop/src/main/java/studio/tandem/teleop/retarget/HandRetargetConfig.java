package studio.tandem.teleop.retarget;

import java.util.List;

import org.joml.Matrix3d;
import org.joml.Quaterniond;

import studio.tandem.teleop.input.HandJoint;

/**
 * Settings of fingertip-vector hand retargeting.
 *
 * @param scale s: robot metres per human metre of wrist-to-tip vectors
 * @param alignment rotation from the human wrist frame (OpenXR: −Z towards the fingers, +Y out of the
 *                  back of the hand) to the robot hand frame
 * @param tips for each robot finger (in the hand's finger order), the human joint whose position it tracks
 * @param iterations Levenberg–Marquardt iterations per finger per call
 * @param smoothness weight of ‖q − q_previous‖² (keeps consecutive solutions close; 0 = none)
 */
public record HandRetargetConfig(double scale, Quaterniond alignment, List<HandJoint> tips, int iterations,
                                 double smoothness) {

    public HandRetargetConfig {
        if (!(scale > 0) || iterations < 1 || !(smoothness >= 0)) {
            throw new IllegalArgumentException("hand retargeting: scale must be > 0, iterations >= 1, smoothness >= 0");
        }
        alignment = new Quaterniond(alignment).normalize();
        tips = List.copyOf(tips);
    }

    /**
     * For the simulated four-finger hand: index, middle, ring and thumb tips; human finger direction
     * (−Z) → hand +z, back of the hand (+Y) → hand +x (so curling towards the palm curls the hand's
     * fingers towards its thumb), human X → hand y; scale 0.8.
     */
    public static HandRetargetConfig simFourFinger() {
        Matrix3d r = new Matrix3d(0, 1, 0, 1, 0, 0, 0, 0, -1); // columns: images of human X, Y, Z
        return new HandRetargetConfig(0.8, new Quaterniond().setFromNormalized(r),
                List.of(HandJoint.INDEX_TIP, HandJoint.MIDDLE_TIP, HandJoint.RING_TIP, HandJoint.THUMB_TIP), 20, 2e-5);
    }
}
