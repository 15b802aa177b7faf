package studio.tandem.recorder.episode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A change of the episode's task, notes or label during recording, staged as a JSON record. Null
 * fields are unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MetaUpdate(String task, String notes, Outcome outcome) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MetaUpdate parse(String json) throws IOException {
        return JSON.readValue(json, MetaUpdate.class);
    }
}
