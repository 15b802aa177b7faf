package studio.tandem.app.studio.correct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.PolicyManifest;

/** One manifest in lines a person reads: model, rates, what it sees, what it commands. */
final class PolicySummary {
    private PolicySummary() {
    }

    static List<String> lines(PolicyManifest m) {
        List<String> out = new ArrayList<>();
        out.add("model " + m.model());
        out.add(String.format(Locale.ROOT, "inference %.0f Hz · actions %.0f/s · chunk of %d", m.inferenceHz(),
                m.actionFps(), m.action().horizon()));
        out.add("drives the " + m.action().group() + " (" + m.action().dim() + " joints, " + m.action().feature() + ")");
        for (ManifestInput in : m.inputs()) {
            out.add("sees " + describe(in));
        }
        out.add(m.failureTensor() == null ? "failure score: chunk disagreement" : "failure score: " + m.failureTensor());
        return out;
    }

    private static String describe(ManifestInput in) {
        if (in instanceof ManifestInput.Camera c) {
            return c.feature() + " at " + c.width() + "×" + c.height();
        }
        if (in instanceof ManifestInput.Vector v) {
            return v.feature() + " [" + v.length() + "]";
        }
        if (in instanceof ManifestInput.Tokens t) {
            return "the instruction (" + t.vocabulary().size() + " words, at most " + t.maxTokens() + ")";
        }
        return "the instruction as a " + ((ManifestInput.Embedding) in).dim() + "-d embedding";
    }
}
