package studio.tandem.recorder.episode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Events placed on an episode's rows, and what they imply per row: the task string (a language
 * correction applies from its row on) and the intervention flag (between start and end events).
 */
record EventPlacement(List<EpisodeEvent> events, List<String> taskPerFrame, boolean[] intervention) {

    /** Row of the event at {@code t}: the nearest row, clamped to the episode. */
    static int rowOf(long t, long t0, long period, int rows) {
        long r = Math.floorDiv(t - t0 + period / 2, period);
        return (int) Math.max(0, Math.min(rows - 1, r));
    }

    static EventPlacement place(List<RecorderEvent> raw, long t0, long period, int rows, String task) {
        List<RecorderEvent> sorted = new ArrayList<>(raw);
        sorted.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
        String[] tasks = new String[rows];
        Arrays.fill(tasks, task);
        boolean[] inter = new boolean[rows];
        List<EpisodeEvent> events = new ArrayList<>();
        int interFrom = -1;
        for (RecorderEvent e : sorted) {
            int row = rowOf(e.timeNanos(), t0, period, rows);
            events.add(new EpisodeEvent(row, (e.timeNanos() - t0) / 1e9, e.kind(), e.text()));
            if (e instanceof RecorderEvent.LanguageCorrection c) {
                Arrays.fill(tasks, row, rows, c.instruction());
            } else if (e instanceof RecorderEvent.InterventionStart && interFrom < 0) {
                interFrom = row;
            } else if (e instanceof RecorderEvent.InterventionEnd && interFrom >= 0) {
                Arrays.fill(inter, interFrom, row, true);
                interFrom = -1;
            }
        }
        if (interFrom >= 0) {
            Arrays.fill(inter, interFrom, rows, true);
        }
        return new EventPlacement(List.copyOf(events), List.of(tasks), inter);
    }
}
