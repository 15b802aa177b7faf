package studio.tandem.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the default hand policy ships: {@code models/hand_policy.json} under the studio's home. */
final class PolicyLocation {
    private PolicyLocation() {
    }

    /** The manifest to load: {@code explicit} if given, else the default one. */
    static Path manifest(Path explicit) {
        if (explicit != null) {
            Path m = explicit.toString().endsWith(".onnx")
                    ? studio.tandem.autonomy.train.PolicyTraining.manifestFor(explicit) : explicit;
            if (!Files.isRegularFile(m)) {
                throw new UserError("--policy " + explicit + ": no policy manifest at " + m);
            }
            return m;
        }
        Path home = Path.of(System.getProperty("tandem.home", "."));
        Path m = home.resolve("models").resolve("hand_policy.json");
        if (!Files.isRegularFile(m)) {
            throw new UserError("the default hand policy is missing (" + m + "); train one with "
                    + "'./tandem train --out models/hand_policy.onnx' or pass --policy");
        }
        return m;
    }
}
