package studio.tandem.app.studio.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.review.curation.CuratedEpisodeSource;
import studio.tandem.app.studio.review.curation.CurationJournal;
import studio.tandem.app.studio.review.curation.EpisodeCuration;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.rlds.ExportSummary;
import studio.tandem.dataset.rlds.LeRobotEpisodeSource;
import studio.tandem.dataset.rlds.RldsExportOptions;
import studio.tandem.dataset.rlds.RldsExporter;
import studio.tandem.dataset.time.NanoClock;

/**
 * Exports the curated dataset (deleted episodes left out, trims and relabels applied) to RLDS in
 * the background, with progress per episode. FX thread only.
 */
public final class ExportViewModel {
    private final Background background;
    private final NanoClock clock;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final AtomicLong pending = new AtomicLong();

    public ExportViewModel(Background background, NanoClock clock) {
        this.background = background;
        this.clock = clock;
    }

    /**
     * Exports {@code ds} under {@code journal} to {@code out}/NAME/1.0.0.
     *
     * @param name the TFDS dataset name (lower snake case)
     */
    public void export(LeRobotDataset ds, CurationJournal journal, Path out, String name) {
        if (running.get()) {
            return;
        }
        String n;
        try {
            n = name == null || name.isBlank()
                    ? RldsExportOptions.defaultName(ds.root().toAbsolutePath().normalize().getFileName().toString()) : name;
        } catch (IllegalArgumentException e) {
            message.set("Export name: " + e.getMessage());
            return;
        }
        List<EpisodeCuration> curations = new ArrayList<>();
        for (EpisodeRecord r : ds.episodes()) {
            curations.add(journal.get(r.episodeIndex()));
        }
        running.set(true);
        progress.set(0);
        message.set("Exporting to " + out + " …");
        background.run(() -> run(ds.root(), curations, out, n), this::done, e -> {
            running.set(false);
            progress.set(0);
            message.set("Export failed: " + Background.message(e));
        });
    }

    private ExportSummary run(Path root, List<EpisodeCuration> curations, Path out, String name) throws Exception {
        ExecutorService images = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rlds-images");
            t.setDaemon(true);
            return t;
        });
        RldsExportOptions options = new RldsExportOptions(name, null, 0.95f, 256L << 20);
        try (CuratedEpisodeSource src = new CuratedEpisodeSource(LeRobotEpisodeSource.open(root), curations)) {
            return new RldsExporter(options, clock, images).export(src, out, this::episodeDone);
        } finally {
            images.shutdownNow();
        }
    }

    /** On the exporter's thread: hands the fraction to the FX thread, at most one update pending. */
    private void episodeDone(int done, int total, long steps) {
        double f = total == 0 ? 1 : done / (double) total;
        pending.set(Double.doubleToLongBits(f));
        background.onUi(this::showProgress);
    }

    private void showProgress() {
        if (running.get()) {
            progress.set(Double.longBitsToDouble(pending.get()));
        }
    }

    private void done(ExportSummary s) {
        running.set(false);
        progress.set(1);
        message.set(String.format(java.util.Locale.ROOT, "Exported %d episodes, %d steps in %.1f s to %s",
                s.episodes(), s.steps(), s.seconds(), s.directory()));
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
