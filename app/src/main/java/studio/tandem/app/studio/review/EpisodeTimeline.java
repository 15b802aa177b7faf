package studio.tandem.app.studio.review;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.app.studio.common.Span;
import studio.tandem.app.studio.review.curation.EpisodeCuration;
import studio.tandem.dataset.lerobot.EpisodeEvent;

/** Turns an episode's recorded events, intervention column and trim into shaded timeline spans. */
final class EpisodeTimeline {
    /** How long a correction stays shaded when nothing ends it sooner, in seconds. */
    static final double CORRECTION_SHADE_S = 1.0;

    private EpisodeTimeline() {
    }

    /**
     * @param events the episode's events (seconds from its first frame)
     * @param intervention the per-frame intervention flags, or null when the dataset has none
     * @param length frames
     * @param fps frames per second
     */
    static List<Span> spans(List<EpisodeEvent> events, boolean[] intervention, int length, int fps,
            EpisodeCuration curation) {
        List<Span> out = new ArrayList<>();
        if (intervention != null) {
            fromFlags(intervention, out);
        } else {
            fromEvents(events, length, fps, out);
        }
        for (EpisodeEvent e : events) {
            if (EpisodeRow.isCorrection(e.type())) {
                int from = frame(e.timestamp(), fps, length);
                int to = Math.min(length, from + Math.max(1, (int) Math.round(CORRECTION_SHADE_S * fps)));
                out.add(new Span(from, to, Span.Kind.CORRECTION, e.detail()));
            }
        }
        if (curation.trimFrom() > 0) {
            out.add(new Span(0, Math.min(length, curation.trimFrom()), Span.Kind.TRIMMED, "trimmed"));
        }
        int keptTo = curation.keptTo(length);
        if (keptTo < length) {
            out.add(new Span(keptTo, length, Span.Kind.TRIMMED, "trimmed"));
        }
        return out;
    }

    private static void fromFlags(boolean[] flags, List<Span> out) {
        int start = -1;
        for (int i = 0; i <= flags.length; i++) {
            boolean on = i < flags.length && flags[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                out.add(new Span(start, i, Span.Kind.INTERVENTION, ""));
                start = -1;
            }
        }
    }

    private static void fromEvents(List<EpisodeEvent> events, int length, int fps, List<Span> out) {
        int start = -1;
        for (EpisodeEvent e : events) {
            if (EpisodeRow.isIntervention(e.type()) && start < 0) {
                start = frame(e.timestamp(), fps, length);
            } else if (e.type().equals("intervention_end") && start >= 0) {
                out.add(new Span(start, Math.max(start + 1, frame(e.timestamp(), fps, length)), Span.Kind.INTERVENTION, ""));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Span(start, length, Span.Kind.INTERVENTION, ""));
        }
    }

    private static int frame(double seconds, int fps, int length) {
        return (int) Math.max(0, Math.min(length - 1, Math.round(seconds * fps)));
    }
}
