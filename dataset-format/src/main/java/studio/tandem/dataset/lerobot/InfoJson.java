package studio.tandem.dataset.lerobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/** Reads and writes {@code meta/info.json} with LeRobot's key order and layout. Stateless. */
public final class InfoJson {
    private InfoJson() {
    }

    public static void write(Path file, DatasetInfo info) throws IOException {
        JsonFiles.writeAtomically(file, toJson(info));
    }

    public static ObjectNode toJson(DatasetInfo info) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("codebase_version", info.codebaseVersion());
        o.put("robot_type", info.robotType());
        o.put("total_episodes", info.totalEpisodes());
        o.put("total_frames", info.totalFrames());
        o.put("total_tasks", info.totalTasks());
        o.put("chunks_size", info.chunksSize());
        o.put("data_files_size_in_mb", info.dataFilesSizeInMb());
        o.put("video_files_size_in_mb", info.videoFilesSizeInMb());
        o.put("fps", info.fps());
        ObjectNode splits = o.putObject("splits");
        info.splits().forEach(splits::put);
        o.put("data_path", info.dataPath());
        o.put("video_path", info.videoPath());
        ObjectNode features = o.putObject("features");
        for (Feature f : info.features().all()) {
            features.set(f.name(), feature(f));
        }
        return o;
    }

    private static ObjectNode feature(Feature f) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("dtype", f.dtype().jsonName());
        ArrayNode shape = o.putArray("shape");
        for (int d : f.shape()) {
            shape.add(d);
        }
        if (f.names() == null) {
            o.putNull("names");
        } else {
            ArrayNode names = o.putArray("names");
            f.names().forEach(names::add);
        }
        if (!f.info().isEmpty()) {
            o.set("info", JsonFiles.MAPPER.valueToTree(f.info()));
        }
        return o;
    }

    public static DatasetInfo read(Path file) throws IOException {
        return fromJson(file.toString(), JsonFiles.read(file));
    }

    /** Parses info.json; a missing or ill-typed key fails naming the file and the key. */
    public static DatasetInfo fromJson(String src, JsonNode o) throws IOException {
        if (!o.isObject()) {
            throw new IOException(src + ": info must be a JSON object");
        }
        String version = text(src, o, "codebase_version", true);
        if (!DatasetInfo.CODEBASE_VERSION.equals(version)) {
            throw new IOException(src + ": codebase_version is '" + version + "', only v3.0 is supported");
        }
        Map<String, String> splits = new LinkedHashMap<>();
        if (o.has("splits") && o.get("splits").isObject()) {
            o.get("splits").fields().forEachRemaining(e -> splits.put(e.getKey(), e.getValue().asText()));
        }
        return new DatasetInfo(version, text(src, o, "robot_type", false), integer(src, o, "total_episodes"),
                integer(src, o, "total_frames"), integer(src, o, "total_tasks"), (int) integer(src, o, "chunks_size"),
                (int) integer(src, o, "data_files_size_in_mb"), (int) integer(src, o, "video_files_size_in_mb"),
                (int) integer(src, o, "fps"), splits, text(src, o, "data_path", true), text(src, o, "video_path", false),
                features(src, o.get("features")));
    }

    private static String text(String src, JsonNode o, String key, boolean required) throws IOException {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IOException(src + ": missing '" + key + "'");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new IOException(src + ": '" + key + "' must be a string");
        }
        return n.asText();
    }

    private static long integer(String src, JsonNode o, String key) throws IOException {
        JsonNode n = o.get(key);
        if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
            throw new IOException(src + ": '" + key + "' must be a non-negative integer");
        }
        return n.asLong();
    }

    private static FeatureSet features(String src, JsonNode f) throws IOException {
        if (f == null || !f.isObject()) {
            throw new IOException(src + ": missing 'features' object");
        }
        List<Feature> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = f.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.add(feature(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new IOException(src + ": feature '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return FeatureSet.of(out);
    }

    private static Feature feature(String name, JsonNode o) {
        DType dtype = DType.fromJson(o.path("dtype").asText());
        JsonNode shapeNode = o.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.isEmpty()) {
            throw new IllegalArgumentException("missing 'shape'");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> info = o.has("info") && o.get("info").isObject()
                ? JsonFiles.MAPPER.convertValue(o.get("info"), LinkedHashMap.class) : Map.of();
        if (dtype.isVisual()) {
            if (shape.length != 3) {
                throw new IllegalArgumentException("visual shape must be [height, width, channels]");
            }
            return new VisualFeature(name, dtype, shape[0], shape[1], shape[2], info);
        }
        if (dtype == DType.STRING) {
            return new TextFeature(name, info);
        }
        if (shape.length != 1) {
            throw new IllegalArgumentException("only 1-D numeric features are supported, shape has "
                    + shape.length + " dimensions");
        }
        List<String> names = names(o.get("names"));
        return new VectorFeature(name, dtype, shape[0], names, info);
    }

    private static List<String> names(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
