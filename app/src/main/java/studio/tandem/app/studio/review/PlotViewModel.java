package studio.tandem.app.studio.review;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.tandem.app.studio.common.PlotSeries;
import studio.tandem.app.studio.common.Span;
import studio.tandem.app.studio.review.curation.EpisodeCuration;
import studio.tandem.dataset.lerobot.EpisodeRecord;

/**
 * The plots of the selected episode: a few slots, each showing one numeric feature (state,
 * action, tactile, ...) with its channels named by the feature's {@code names}, and the
 * intervention, correction and trimmed stretches shaded. FX thread only.
 */
public final class PlotViewModel {
    /** Plots shown at once. */
    public static final int SLOTS = 3;

    private final PlayerViewModel player;
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final List<Slot> slots = new ArrayList<>();
    private EpisodeData data;
    private int fps = 30;
    private List<Span> spans = List.of();

    /** One plot: which feature, and its series. */
    public static final class Slot {
        private final StringProperty feature = new SimpleStringProperty();
        private final ObjectProperty<PlotSeries> series = new SimpleObjectProperty<>(PlotSeries.EMPTY);

        public StringProperty featureProperty() {
            return feature;
        }

        public ObjectProperty<PlotSeries> seriesProperty() {
            return series;
        }
    }

    PlotViewModel(PlayerViewModel player) {
        this.player = player;
        for (int i = 0; i < SLOTS; i++) {
            Slot s = new Slot();
            s.feature.addListener((o, a, b) -> redraw(s));
            slots.add(s);
        }
    }

    void load(EpisodeData d, int newFps, EpisodeCuration c) {
        data = d;
        fps = newFps;
        List<String> names = new ArrayList<>(d.channels().keySet());
        features.setAll(names);
        List<String> order = preferred(names);
        spans = spansOf(c);
        for (int i = 0; i < SLOTS; i++) {
            Slot s = slots.get(i);
            String want = i < order.size() ? order.get(i) : null;
            if (want != null && want.equals(s.feature.get())) {
                redraw(s);
            } else {
                s.feature.set(want);
            }
        }
    }

    /** State first, then action, then tactile, then the rest. */
    private static List<String> preferred(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String key : new String[] {"observation.state", "action", "tactile"}) {
            for (String n : names) {
                if (n.contains(key) && !out.contains(n)) {
                    out.add(n);
                    break;
                }
            }
        }
        for (String n : names) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    void setCuration(EpisodeCuration c) {
        if (data != null && c != null) {
            spans = spansOf(c);
            slots.forEach(this::redraw);
        }
    }

    private List<Span> spansOf(EpisodeCuration c) {
        EpisodeRecord r = data.record();
        return EpisodeTimeline.spans(r.extras().events(), data.intervention(), data.length(), fps,
                c == null ? EpisodeCuration.NONE : c);
    }

    void clear() {
        data = null;
        spans = List.of();
        features.clear();
        for (Slot s : slots) {
            s.series.set(PlotSeries.EMPTY);
        }
    }

    private void redraw(Slot s) {
        String f = s.feature.get();
        if (data == null || f == null || !data.channels().containsKey(f)) {
            s.series.set(PlotSeries.EMPTY);
            return;
        }
        s.series.set(new PlotSeries(f, data.names().get(f), data.channels().get(f), spans, Double.NaN));
    }

    public List<Slot> slots() {
        return List.copyOf(slots);
    }

    /** The plottable features of the episode, in schema order. */
    public ObservableList<String> features() {
        return features;
    }

    /** The shaded stretches of the current episode. */
    public List<Span> spans() {
        return spans;
    }

    public PlayerViewModel player() {
        return player;
    }
}
