package studio.tandem.autonomy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link PolicyManifest} JSON; every error names the file and the field. */
public final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    /** @throws IllegalArgumentException naming the file and the bad field */
    public static PolicyManifest read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such policy manifest");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        Reader r = new Reader(file);
        String format = r.text(root, "format");
        if (!PolicyManifest.FORMAT.equals(format)) {
            throw new IllegalArgumentException(file + ": format: expected \"" + PolicyManifest.FORMAT + "\", was \""
                    + format + "\"");
        }
        String model = r.text(root, "model");
        double inferenceHz = r.positiveDouble(root, "inference_hz");
        double actionFps = r.positiveDouble(root, "action_fps");
        List<ManifestInput> inputs = new ArrayList<>();
        JsonNode arr = r.array(root, "inputs");
        for (int i = 0; i < arr.size(); i++) {
            inputs.add(r.input(arr.get(i), "inputs[" + i + "]"));
        }
        PolicyManifest.ActionOutput action = r.action(r.object(root, "action"));
        String failure = root.hasNonNull("failure_tensor") ? root.get("failure_tensor").asText() : null;
        double threshold = Double.NaN;
        if (root.has("failure_threshold")) {
            threshold = r.positiveDouble(root, "failure_threshold");
        }
        return new PolicyManifest(model, inferenceHz, actionFps, inputs, action, failure, r.stats(root), threshold);
    }

    /** Writes atomically (temp file, then move). */
    public static void write(PolicyManifest m, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", PolicyManifest.FORMAT);
        root.put("model", m.model());
        root.put("inference_hz", m.inferenceHz());
        root.put("action_fps", m.actionFps());
        ArrayNode inputs = root.putArray("inputs");
        for (ManifestInput in : m.inputs()) {
            inputs.add(inputNode(in));
        }
        ObjectNode a = root.putObject("action");
        a.put("tensor", m.action().tensor());
        a.put("feature", m.action().feature());
        a.put("group", m.action().group());
        a.put("horizon", m.action().horizon());
        m.action().names().forEach(a.putArray("names")::add);
        if (!m.action().blocks().equals(new PolicyManifest.ActionOutput(m.action().tensor(), m.action().feature(),
                m.action().group(), m.action().horizon(), m.action().names()).blocks())) {
            ArrayNode blocks = a.putArray("blocks");
            for (PolicyManifest.ActionBlock b : m.action().blocks()) {
                blocks.addObject().put("group", b.group()).put("feature", b.feature()).put("length", b.length())
                        .put("representation", b.representation().json());
            }
        }
        if (m.failureTensor() != null) {
            root.put("failure_tensor", m.failureTensor());
        }
        if (Double.isFinite(m.failureThreshold())) {
            root.put("failure_threshold", m.failureThreshold());
        }
        ObjectNode stats = root.putObject("stats");
        for (Map.Entry<String, FeatureStats> e : new java.util.TreeMap<>(m.stats()).entrySet()) {
            ObjectNode s = stats.putObject(e.getKey());
            for (double v : e.getValue().mean()) {
                s.withArray("mean").add(v);
            }
            for (double v : e.getValue().std()) {
                s.withArray("std").add(v);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode inputNode(ManifestInput in) {
        ObjectNode n = JSON.createObjectNode();
        n.put("tensor", in.tensor());
        if (in instanceof ManifestInput.Camera c) {
            n.put("kind", "camera").put("feature", c.feature()).put("width", c.width()).put("height", c.height());
            if (c.crop() != null) {
                for (int v : c.crop()) {
                    n.withArray("crop").add(v);
                }
            }
            for (int i = 0; i < 3; i++) {
                n.withArray("mean").add(c.mean()[i]);
                n.withArray("std").add(c.std()[i]);
            }
        } else if (in instanceof ManifestInput.Vector v) {
            n.put("kind", "vector").put("feature", v.feature()).put("length", v.length());
        } else if (in instanceof ManifestInput.Tokens t) {
            n.put("kind", "token_ids").put("max_tokens", t.maxTokens());
            t.vocabulary().forEach(n.putArray("vocabulary")::add);
        } else if (in instanceof ManifestInput.Embedding e) {
            n.put("kind", "text_embedding").put("dim", e.dim());
        }
        return n;
    }

    /** Field readers that name the file and field in every error. */
    private record Reader(Path file) {
        IllegalArgumentException bad(String field, String what) {
            return new IllegalArgumentException(file + ": " + field + ": " + what);
        }

        JsonNode node(JsonNode parent, String path) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) {
                throw bad(path, "missing");
            }
            return n;
        }

        String text(JsonNode p, String path) {
            JsonNode n = node(p, path);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw bad(path, "must be a non-empty string");
            }
            return n.asText();
        }

        int positive(JsonNode p, String path) {
            JsonNode n = node(p, path);
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
                throw bad(path, "must be a positive integer, was " + n);
            }
            return n.asInt();
        }

        double positiveDouble(JsonNode p, String path) {
            JsonNode n = node(p, path);
            if (!n.isNumber() || !(n.asDouble() > 0)) {
                throw bad(path, "must be a positive number, was " + n);
            }
            return n.asDouble();
        }

        JsonNode array(JsonNode p, String path) {
            JsonNode n = node(p, path);
            if (!n.isArray()) {
                throw bad(path, "must be an array");
            }
            return n;
        }

        JsonNode object(JsonNode p, String path) {
            JsonNode n = node(p, path);
            if (!n.isObject()) {
                throw bad(path, "must be an object");
            }
            return n;
        }

        List<String> strings(JsonNode p, String path) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : array(p, path)) {
                out.add(n.asText());
            }
            if (out.isEmpty()) {
                throw bad(path, "must not be empty");
            }
            return out;
        }

        double[] doubles(JsonNode p, String path, int expected) {
            JsonNode a = array(p, path);
            if (expected > 0 && a.size() != expected) {
                throw bad(path, "needs " + expected + " numbers, has " + a.size());
            }
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                if (!a.get(i).isNumber()) {
                    throw bad(path + "[" + i + "]", "must be a number, was " + a.get(i));
                }
                out[i] = a.get(i).asDouble();
            }
            return out;
        }

        PolicyManifest.ActionOutput action(JsonNode out) {
            String tensor = text(out, "action.tensor");
            String group = text(out, "action.group");
            if (!List.of("hand", "arm", "arm+hand").contains(group)) {
                throw bad("action.group", "must be \"hand\", \"arm\" or \"arm+hand\", was \"" + group + "\"");
            }
            PolicyManifest.ActionOutput plain = new PolicyManifest.ActionOutput(tensor, text(out, "action.feature"),
                    group, positive(out, "action.horizon"), strings(out, "action.names"));
            if (!out.has("blocks")) {
                if (group.contains("+")) {
                    throw bad("action.blocks", "missing (an " + group + " action needs one block per joint group)");
                }
                return plain;
            }
            List<PolicyManifest.ActionBlock> blocks = blocks(array(out, "action.blocks"));
            StringBuilder groups = new StringBuilder();
            StringBuilder sum = new StringBuilder();
            int total = 0;
            for (PolicyManifest.ActionBlock b : blocks) {
                groups.append(groups.length() == 0 ? "" : "+").append(b.group());
                sum.append(sum.length() == 0 ? "" : " + ").append(b.group()).append(' ').append(b.length());
                total += b.length();
            }
            if (!groups.toString().equals(group)) {
                throw bad("action.blocks", "groups " + groups + " do not match action.group \"" + group
                        + "\" (arm comes before hand, each once)");
            }
            if (total != plain.dim()) {
                throw bad("action.blocks", sum + " = " + total + " values per step, but tensor '" + tensor + "' has "
                        + plain.dim() + " (action.names)");
            }
            return new PolicyManifest.ActionOutput(tensor, plain.feature(), group, plain.horizon(), plain.names(),
                    blocks);
        }

        private List<PolicyManifest.ActionBlock> blocks(JsonNode arr) {
            List<PolicyManifest.ActionBlock> out = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                String at = "action.blocks[" + i + "]";
                JsonNode n = arr.get(i);
                String g = text(n, at + ".group");
                if (!g.equals("arm") && !g.equals("hand")) {
                    throw bad(at + ".group", "must be \"arm\" or \"hand\", was \"" + g + "\"");
                }
                String rep = n.has("representation") ? text(n, at + ".representation") : "absolute";
                if (!rep.equals("absolute") && !rep.equals("delta")) {
                    throw bad(at + ".representation", "must be \"absolute\" or \"delta\", was \"" + rep + "\"");
                }
                out.add(new PolicyManifest.ActionBlock(g, text(n, at + ".feature"), positive(n, at + ".length"),
                        PolicyManifest.Representation.valueOf(rep.toUpperCase(java.util.Locale.ROOT))));
            }
            if (out.isEmpty()) {
                throw bad("action.blocks", "must not be empty");
            }
            return out;
        }

        ManifestInput input(JsonNode n, String at) {
            String kind = text(n, at + ".kind");
            String tensor = text(n, at + ".tensor");
            return switch (kind) {
                case "camera" -> camera(n, at, tensor);
                case "vector" -> new ManifestInput.Vector(tensor, text(n, at + ".feature"), positive(n, at + ".length"));
                case "token_ids" -> new ManifestInput.Tokens(tensor, strings(n, at + ".vocabulary"),
                        positive(n, at + ".max_tokens"));
                case "text_embedding" -> new ManifestInput.Embedding(tensor, positive(n, at + ".dim"));
                default -> throw bad(at + ".kind", "unknown kind \"" + kind
                        + "\" (camera, vector, token_ids, text_embedding)");
            };
        }

        ManifestInput.Camera camera(JsonNode n, String at, String tensor) {
            int[] crop = null;
            if (n.hasNonNull("crop")) {
                double[] c = doubles(n, at + ".crop", 4);
                crop = new int[] {(int) c[0], (int) c[1], (int) c[2], (int) c[3]};
                if (crop[0] < 0 || crop[1] < 0 || crop[2] < 1 || crop[3] < 1) {
                    throw bad(at + ".crop", "must be [x, y, width, height] with x, y >= 0 and a positive size");
                }
            }
            double[] std = doubles(n, at + ".std", 3);
            for (double s : std) {
                if (!(s > 0)) {
                    throw bad(at + ".std", "every channel std must be > 0");
                }
            }
            return new ManifestInput.Camera(tensor, text(n, at + ".feature"), positive(n, at + ".width"),
                    positive(n, at + ".height"), crop, doubles(n, at + ".mean", 3), std);
        }

        Map<String, FeatureStats> stats(JsonNode root) {
            Map<String, FeatureStats> out = new LinkedHashMap<>();
            if (!root.hasNonNull("stats")) {
                return out;
            }
            JsonNode s = object(root, "stats");
            s.fields().forEachRemaining(e -> {
                String at = "stats." + e.getKey();
                try {
                    out.put(e.getKey(), new FeatureStats(doubles(e.getValue(), at + ".mean", 0),
                            doubles(e.getValue(), at + ".std", 0)));
                } catch (IllegalArgumentException ex) {
                    throw ex.getMessage().startsWith(file.toString()) ? ex : bad(at, ex.getMessage());
                }
            });
            return out;
        }
    }
}
