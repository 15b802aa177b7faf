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
 * @param quality per recorded stream (feature key), its skew and missing/repeated rows, stored as the
 *                columns {@code quality/<key>/...} (null columns for streams not given)
 */
public record EpisodeExtras(Boolean success, String operator, String notes, Map<String, Long> droppedFrames,
        List<EpisodeEvent> events, Map<String, StreamQuality> quality) {

    public static final EpisodeExtras NONE = new EpisodeExtras(null, null, null, Map.of(), List.of());

    public EpisodeExtras {
        droppedFrames = droppedFrames == null ? Map.of() : Map.copyOf(droppedFrames);
        events = events == null ? List.of() : List.copyOf(events);
        quality = quality == null ? Map.of() : Map.copyOf(quality);
    }

    /** Extras without stream quality. */
    public EpisodeExtras(Boolean success, String operator, String notes, Map<String, Long> droppedFrames,
            List<EpisodeEvent> events) {
        this(success, operator, notes, droppedFrames, events, Map.of());
    }
}
