package studio.tandem.dataset.lerobot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code meta/stats.json} (nested lists shaped like each stat). Stateless. */
public final class StatsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatsJson() {
    }

    public static ObjectNode toJson(Map<String, FeatureStats> stats) {
        ObjectNode root = F.objectNode();
        stats.forEach((key, s) -> {
            ObjectNode o = root.putObject(key);
            for (String k : FeatureStats.KEYS) {
                if (k.equals("count")) {
                    o.putArray("count").add(s.count());
                } else {
                    boolean ints = s.integral() && (k.equals("min") || k.equals("max"));
                    o.set(k, nested(s.shape(), 0, new int[] {0}, s.values(k), ints));
                }
            }
        });
        return root;
    }

    private static ArrayNode nested(int[] shape, int dim, int[] pos, double[] v, boolean ints) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                double x = v[pos[0]++];
                if (ints) {
                    a.add((long) x);
                } else {
                    a.add(x);
                }
            } else {
                a.add(nested(shape, dim + 1, pos, v, ints));
            }
        }
        return a;
    }

    public static void write(Path file, Map<String, FeatureStats> stats) throws IOException {
        JsonFiles.writeAtomically(file, toJson(stats));
    }

    public static Map<String, FeatureStats> read(Path file) throws IOException {
        return fromJson(file.toString(), JsonFiles.read(file));
    }

    /** Parses stats; a malformed entry fails naming the file, feature and stat. */
    public static Map<String, FeatureStats> fromJson(String source, JsonNode root) throws IOException {
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        if (!root.isObject()) {
            throw new IOException(source + ": stats must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), feature(source + ": stats of '" + e.getKey() + "'", e.getValue()));
        }
        return out;
    }

    private static FeatureStats feature(String where, JsonNode o) throws IOException {
        for (String k : FeatureStats.KEYS) {
            if (!o.has(k) || !o.get(k).isArray()) {
                throw new IOException(where + ": missing or non-list '" + k + "'");
            }
        }
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = o.get("mean"); n.isArray(); n = n.get(0)) {
            shape.add(n.size());
            if (n.size() == 0) {
                break;
            }
        }
        int[] sh = shape.stream().mapToInt(Integer::intValue).toArray();
        double[][] q = new double[FeatureStats.QUANTILE_KEYS.size()][];
        for (int k = 0; k < q.length; k++) {
            q[k] = flat(where, FeatureStats.QUANTILE_KEYS.get(k), o.get(FeatureStats.QUANTILE_KEYS.get(k)));
        }
        boolean integral = o.get("min").isArray() && firstLeaf(o.get("min")).isIntegralNumber();
        try {
            return new FeatureStats(sh, integral, flat(where, "min", o.get("min")), flat(where, "max", o.get("max")),
                    flat(where, "mean", o.get("mean")), flat(where, "std", o.get("std")),
                    o.get("count").get(0).asLong(), q);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new IOException(where + ": inconsistent shapes (" + ex.getMessage() + ")");
        }
    }

    private static JsonNode firstLeaf(JsonNode n) {
        while (n != null && n.isArray()) {
            n = n.get(0);
        }
        return n == null ? F.nullNode() : n;
    }

    private static double[] flat(String where, String key, JsonNode n) throws IOException {
        List<Double> vals = new ArrayList<>();
        collect(where, key, n, vals);
        return vals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(String where, String key, JsonNode n, List<Double> out) throws IOException {
        if (n.isArray()) {
            for (JsonNode c : n) {
                collect(where, key, c, out);
            }
        } else if (n.isNumber() || n.isBoolean()) {
            out.add(n.isBoolean() ? (n.asBoolean() ? 1.0 : 0.0) : n.asDouble());
        } else {
            throw new IOException(where + ": '" + key + "' holds a non-number");
        }
    }

    static String pretty(JsonNode n) throws JsonProcessingException {
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(n);
    }
}
