package studio.tandem.app.studio.review;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.SerialExecutor;
import studio.tandem.app.studio.review.curation.CurationJournal;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;

/**
 * Review: opens a LeRobot v3.0 dataset (ours or LeRobot's) off the FX thread, lists its episodes
 * with filter, loads the selected one into the player and the plots, and holds the curation
 * (relabel, task, trim, delete; undo/redo) saved beside the dataset after every step. FX thread
 * only; slow work goes through the injected {@link Background}.
 */
public final class ReviewViewModel {
    private final Background background;
    private final Executor saves;
    private final ObservableList<EpisodeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EpisodeRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<EpisodeRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LeRobotDataset> dataset = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Open a LeRobot v3.0 dataset to review it.");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    private final ObservableList<DatasetStatistics.ChannelStats> channelStats = FXCollections.observableArrayList();
    private final ObservableList<CameraPlayback.Camera> cameras = FXCollections.observableArrayList();
    private final PlayerViewModel player = new PlayerViewModel();
    private final PlotViewModel plots;
    private final CurationActions curation;
    private CurationJournal journal = new CurationJournal();
    private EpisodeData episode;
    private long loadGeneration;

    public ReviewViewModel(Background background) {
        this.background = background;
        this.saves = new SerialExecutor(background.worker());
        this.plots = new PlotViewModel(player);
        this.curation = new CurationActions(this);
        filter.addListener((o, a, b) -> filtered.setPredicate(r -> r.matches(b)));
        selected.addListener((o, a, b) -> {
            if (b == null || a == null || a.index() != b.index()) {
                loadEpisode(b);
            }
        });
    }

    /** Opens the dataset at {@code dir} in the background; errors land in {@link #errorProperty()}. */
    public void open(Path dir) {
        busy.set(true);
        error.set("");
        status.set("Opening " + dir + " …");
        background.run(() -> new Opened(LeRobotDataset.open(dir), CurationJournal.load(dir)), this::opened, e -> {
            busy.set(false);
            error.set("Cannot open " + dir + ": " + Background.message(e));
            status.set("Open failed.");
        });
    }

    private record Opened(LeRobotDataset ds, CurationJournal journal) {
    }

    private void opened(Opened o) {
        closeEpisode();
        dataset.set(o.ds());
        journal = o.journal();
        rebuildRows();
        channelStats.setAll(DatasetStatistics.channels(o.ds()));
        busy.set(false);
        List<Path> missing = o.ds().missingVideoFiles();
        status.set("Opened " + o.ds().root() + ": " + rows.size() + " episodes"
                + (missing.isEmpty() ? "" : "; " + missing.size() + " video files missing (cameras not shown)"));
        updateUndo();
        if (!filtered.isEmpty()) {
            selected.set(filtered.get(0));
        }
    }

    /** Rebuilds every row from the dataset and the journal, keeping the selection by index. */
    void rebuildRows() {
        LeRobotDataset ds = dataset.get();
        if (ds == null) {
            return;
        }
        Long sel = selected.get() == null ? null : selected.get().index();
        List<EpisodeRow> fresh = ds.episodes().stream().map(r -> EpisodeRow.of(r, journal.get(r.episodeIndex()))).toList();
        rows.setAll(fresh);
        summary.set(DatasetStatistics.summary(ds, rows));
        if (sel != null) {
            for (EpisodeRow r : rows) {
                if (r.index() == sel) {
                    selected.set(r);
                }
            }
        }
        plots.setCuration(sel == null ? null : journal.get(sel));
    }

    private void loadEpisode(EpisodeRow row) {
        long gen = ++loadGeneration;
        closeEpisode();
        if (row == null || dataset.get() == null) {
            return;
        }
        LeRobotDataset ds = dataset.get();
        busy.set(true);
        background.run(() -> EpisodeData.load(ds, row.index()), data -> {
            if (gen != loadGeneration) {
                data.cameras().close();
                return;
            }
            busy.set(false);
            episode = data;
            cameras.setAll(data.cameras().cameras());
            player.load(data.length(), ds.info().fps(), data.cameras());
            plots.load(data, ds.info().fps(), journal.get(row.index()));
            long hidden = data.cameras().cameras().stream().filter(c -> c.slot() == null).count();
            status.set("Episode " + row.index() + ": " + data.length() + " frames, "
                    + data.cameras().cameras().size() + " cameras"
                    + (hidden == 0 ? "" : " (" + hidden + " not shown: " + data.cameras().cameras().stream()
                            .filter(c -> c.slot() == null).findFirst().orElseThrow().problem() + ")"));
        }, e -> {
            if (gen == loadGeneration) {
                busy.set(false);
                error.set("Episode " + row.index() + ": " + Background.message(e));
            }
        });
    }

    private void closeEpisode() {
        if (episode != null) {
            episode.cameras().close();
            episode = null;
        }
        cameras.clear();
        player.clear();
        plots.clear();
    }

    /** Saves the journal in the background (ordered); a failure is shown, not swallowed. */
    void save() {
        LeRobotDataset ds = dataset.get();
        String json = journal.toJson();
        saves.execute(() -> {
            try {
                CurationJournal.write(ds.root(), json);
            } catch (java.io.IOException e) {
                background.onUi(() -> error.set("Cannot save curation: " + Background.message(e)));
            }
        });
        updateUndo();
    }

    void updateUndo() {
        canUndo.set(journal.canUndo());
        canRedo.set(journal.canRedo());
    }

    /** Releases decoders (call when the window closes). */
    public void close() {
        loadGeneration++;
        closeEpisode();
    }

    CurationJournal journal() {
        return journal;
    }

    EpisodeData episode() {
        return episode;
    }

    EpisodeRecord selectedRecord() {
        EpisodeRow r = selected.get();
        return r == null || dataset.get() == null ? null : dataset.get().episode(r.index());
    }

    void setStatus(String s) {
        status.set(s);
    }

    void setError(String s) {
        error.set(s);
    }

    public CurationActions curation() {
        return curation;
    }

    /** The cameras of the loaded episode. */
    ObservableList<CameraPlayback.Camera> cameras() {
        return cameras;
    }

    /** The frame slots of the loaded episode's shown cameras, in camera order (null: not shown). */
    public List<studio.tandem.app.studio.common.FrameSlot> cameraSlots() {
        return cameras.stream().map(CameraPlayback.Camera::slot).toList();
    }

    /** Per camera of the loaded episode, why it is not shown (empty when it is). */
    public List<String> cameraProblems() {
        return cameras.stream().map(CameraPlayback.Camera::problem).toList();
    }

    public PlayerViewModel player() {
        return player;
    }

    public PlotViewModel plots() {
        return plots;
    }

    public ObservableList<EpisodeRow> rows() {
        return rows;
    }

    /** The rows passing the filter (the table wraps these in its own sorted view). */
    public FilteredList<EpisodeRow> filteredRows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<EpisodeRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LeRobotDataset> datasetProperty() {
        return dataset;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ObservableList<DatasetStatistics.ChannelStats> channelStats() {
        return channelStats;
    }

    Background background() {
        return background;
    }
}
