package studio.tandem.dataset.lerobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code events} column: a JSON array of {timestamp, type, detail} objects. Stateless. */
final class EventsJson {
    private EventsJson() {
    }

    static String toJson(List<EpisodeEvent> events) {
        ArrayNode a = JsonFiles.MAPPER.createArrayNode();
        for (EpisodeEvent e : events) {
            ObjectNode o = a.addObject();
            o.put("timestamp", e.timestamp());
            o.put("type", e.type());
            o.put("detail", e.detail());
        }
        return a.toString();
    }

    static List<EpisodeEvent> fromJson(String where, String json) throws IOException {
        List<EpisodeEvent> out = new ArrayList<>();
        if (json == null || json.isEmpty()) {
            return out;
        }
        JsonNode a;
        try {
            a = JsonFiles.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IOException(where + ": events is not valid JSON");
        }
        if (!a.isArray()) {
            throw new IOException(where + ": events must be a JSON array");
        }
        for (JsonNode o : a) {
            out.add(new EpisodeEvent(o.path("timestamp").asDouble(), o.path("type").asText("event"),
                    o.path("detail").asText("")));
        }
        return out;
    }
}
