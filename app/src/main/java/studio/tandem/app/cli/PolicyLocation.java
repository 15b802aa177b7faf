package studio.tandem.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped policies are: {@code models/hand_policy.json} (the default hand policy) and
 * {@code models/grasp_policy.json} (the arm+hand policy) under the studio's home.
 */
final class PolicyLocation {
    private PolicyLocation() {
    }

    /** The manifest to load: {@code explicit} if given, else the default one. */
    static Path manifest(Path explicit) {
        return manifest(explicit, "hand_policy", "hand");
    }

    /**
     * The manifest to load: {@code explicit} if given, else {@code models/<name>.json}.
     *
     * @param kind what the default is, for the message when it is missing ({@code hand}, {@code arm-hand})
     */
    static Path manifest(Path explicit, String name, String kind) {
        if (explicit != null) {
            Path m = explicit.toString().endsWith(".onnx")
                    ? studio.tandem.autonomy.train.PolicyTraining.manifestFor(explicit) : explicit;
            if (!Files.isRegularFile(m)) {
                throw new UserError("--policy " + explicit + ": no policy manifest at " + m);
            }
            return m;
        }
        Path home = Path.of(System.getProperty("tandem.home", "."));
        Path m = home.resolve("models").resolve(name + ".json");
        if (!Files.isRegularFile(m)) {
            throw new UserError("the default " + kind + " policy is missing (" + m + "); train one with "
                    + "'./tandem train" + ("hand".equals(kind) ? "" : " --kind " + kind) + " --out models/" + name
                    + ".onnx' or pass --policy");
        }
        return m;
    }
}
