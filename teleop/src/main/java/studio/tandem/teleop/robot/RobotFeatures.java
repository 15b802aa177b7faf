package studio.tandem.teleop.robot;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/** The feature declarations of arms, hands and cameras, so every implementation declares the same. */
public final class RobotFeatures {
    /** Names of the 7 TCP pose elements. */
    public static final List<String> POSE7 = List.of("x", "y", "z", "qx", "qy", "qz", "qw");

    private RobotFeatures() {
    }

    public static String jointPositions(String id) {
        return "observation." + id + ".joint_pos";
    }

    public static String tcpPose(String id) {
        return "observation." + id + ".tcp_pose";
    }

    public static String tactile(String id) {
        return "observation." + id + ".tactile";
    }

    public static String jointAction(String id) {
        return "action." + id + ".joint_pos";
    }

    public static String image(String id) {
        return "observation.images." + id;
    }

    public static FeatureSet armObservation(String id, List<String> joints) {
        return FeatureSet.of(VectorFeature.float32(jointPositions(id), suffixed(joints, ".pos")),
                VectorFeature.float32(tcpPose(id), POSE7));
    }

    public static FeatureSet armAction(String id, List<String> joints) {
        return FeatureSet.of(VectorFeature.float32(jointAction(id), suffixed(joints, ".pos")));
    }

    public static FeatureSet handObservation(String id, HandSpec spec) {
        return FeatureSet.of(VectorFeature.float32(jointPositions(id), suffixed(spec.jointNames(), ".pos")),
                VectorFeature.float32(tactile(id), suffixed(spec.fingertipNames(), ".force")));
    }

    public static FeatureSet handAction(String id, HandSpec spec) {
        return FeatureSet.of(VectorFeature.float32(jointAction(id), suffixed(spec.jointNames(), ".pos")));
    }

    public static FeatureSet camera(String id, int width, int height) {
        return FeatureSet.of(VisualFeature.video(image(id), width, height));
    }

    private static List<String> suffixed(List<String> names, String suffix) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(n + suffix);
        }
        return out;
    }
}
