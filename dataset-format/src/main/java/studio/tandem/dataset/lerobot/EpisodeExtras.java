package studio.tandem.dataset.lerobot;

import java.util.List;
import java.util.Map;

/**
 * Our columns beyond LeRobot's in the episodes table.
 *
 * @param success operator's verdict, null when not judged
 * @param operator who recorded it, may be null
 * @param notes free text, may be null
 * @param droppedFrames frames dropped per camera key (missing keys count as 0)
 * @param events timestamped events, stored as one JSON string
 */
public record EpisodeExtras(Boolean success, String operator, String notes, Map<String, Long> droppedFrames,
        List<EpisodeEvent> events) {

    public static final EpisodeExtras NONE = new EpisodeExtras(null, null, null, Map.of(), List.of());

    public EpisodeExtras {
        droppedFrames = droppedFrames == null ? Map.of() : Map.copyOf(droppedFrames);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
