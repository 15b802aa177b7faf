package studio.tandem.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link StationConfig} as YAML. A missing file gives the simulated station; a bad
 * one fails with one line naming the file and the field. Writing goes to a temp file, then an
 * atomic move. Any thread; blocks on I/O.
 */
public final class StationConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private StationConfigFile() {
    }

    /** Loads {@code file}; {@link StationConfig#simulated()} when it does not exist. */
    public static StationConfig load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return StationConfig.simulated();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses YAML text; {@code where} names the source in messages. */
    public static StationConfig parse(String yaml, String where) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IOException(where + ": not valid YAML (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(where + ": expected a mapping with arm, hand, cameras, devices");
        }
        try {
            JsonNode arm = required(root, "arm");
            JsonNode hand = root.has("gripper") ? root.get("gripper") : root.get("hand");
            if (hand == null) {
                hand = YAML.createObjectNode().put("type", "none");
            } else if (!hand.isObject()) {
                throw new IllegalArgumentException((root.has("gripper") ? "gripper" : "hand")
                        + ": expected a mapping with 'type'");
            }
            List<StationConfig.CameraConfig> cams = new ArrayList<>();
            for (JsonNode c : root.path("cameras")) {
                cams.add(new StationConfig.CameraConfig(first(c, "name", "id"), c.path("type").asText("sim"),
                        c.path("device").asText(""), c.path("width").asInt(640), c.path("height").asInt(480),
                        c.path("fps").asInt(30), driverKeys(c, "name", "id", "type", "device", "width", "height", "fps")));
            }
            List<StationConfig.DeviceConfig> devs = new ArrayList<>();
            for (JsonNode d : root.path("devices")) {
                devs.add(new StationConfig.DeviceConfig(d.isTextual() ? d.asText() : d.path("type").asText(null),
                        d.path("options").asText("")));
            }
            return new StationConfig(root.path("name").asText(null),
                    new StationConfig.ArmConfig(arm.path("type").asText(null), first(arm, "address", "host", "url"),
                            driverKeys(arm, "type", "address", "host", "url")),
                    new StationConfig.HandConfig(hand.path("type").asText(null), first(hand, "port", "url"),
                            driverKeys(hand, "type", "port", "url")),
                    cams, devs);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    /** The value of the first of {@code keys} that is present (the drivers' spellings), or null. */
    private static String first(JsonNode entry, String... keys) {
        for (String k : keys) {
            if (entry.hasNonNull(k)) {
                return entry.get(k).asText();
            }
        }
        return null;
    }

    /** The entry's keys other than {@code known}, as plain Java values for the driver's config. */
    private static Map<String, Object> driverKeys(JsonNode entry, String... known) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> skip = Set.of(known);
        Iterator<Map.Entry<String, JsonNode>> it = entry.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!skip.contains(e.getKey())) {
                out.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class));
            }
        }
        return out;
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(field + ": missing (expected a mapping with 'type')");
        }
        return n;
    }

    /** The YAML text of {@code c}. */
    public static String toYaml(StationConfig c) {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", c.name());
        ObjectNode arm = root.putObject("arm").put("type", c.arm().type()).put("address", c.arm().address());
        putAll(arm, c.arm().driver());
        ObjectNode hand = root.putObject("hand").put("type", c.hand().type()).put("port", c.hand().port());
        putAll(hand, c.hand().driver());
        ArrayNode cams = root.putArray("cameras");
        for (StationConfig.CameraConfig cam : c.cameras()) {
            putAll(cams.addObject().put("name", cam.name()).put("type", cam.type()).put("device", cam.device())
                    .put("width", cam.width()).put("height", cam.height()).put("fps", cam.fps()), cam.driver());
        }
        ArrayNode devs = root.putArray("devices");
        for (StationConfig.DeviceConfig d : c.devices()) {
            devs.addObject().put("type", d.type()).put("options", d.options());
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putAll(ObjectNode node, Map<String, Object> driver) {
        for (Map.Entry<String, Object> e : driver.entrySet()) {
            node.set(e.getKey(), YAML.valueToTree(e.getValue()));
        }
    }

    /** Writes {@code c} to {@code file} atomically (temp file beside it, then move). */
    public static void save(StationConfig c, Path file) throws IOException {
        AtomicText.write(file, toYaml(c));
    }
}
