package studio.tandem.app.studio.review;

import studio.tandem.app.studio.review.curation.CurationChange;
import studio.tandem.app.studio.review.curation.EpisodeCuration;

/**
 * The curation steps of Review on the selected episode: relabel success, edit the task, trim at
 * the player's frame, delete and restore, undo and redo. Each step is saved at once and can be
 * taken back. Bad input fails with a one-line message in the review's error. FX thread only.
 */
public final class CurationActions {
    private final ReviewViewModel vm;

    CurationActions(ReviewViewModel vm) {
        this.vm = vm;
    }

    /** Sets the success label (null: unlabelled). */
    public void relabel(Boolean success) {
        EpisodeRow r = row();
        if (r != null) {
            apply(r, r.curation().withSuccess(success), "success " + (success == null ? "cleared"
                    : success ? "→ yes" : "→ no"));
        }
    }

    /** Replaces the task of every frame. */
    public void editTask(String task) {
        EpisodeRow r = row();
        if (r == null) {
            return;
        }
        if (task == null || task.isBlank()) {
            vm.setError("Task: must not be empty");
            return;
        }
        apply(r, r.curation().withTask(task.strip()), "task → \"" + task.strip() + "\"");
    }

    /** Keeps frames from the player's current frame on. */
    public void trimStartHere() {
        EpisodeRow r = row();
        if (r == null) {
            return;
        }
        int f = vm.player().frameProperty().get();
        int to = r.curation().trimTo();
        if (to != -1 && f >= to || f >= r.length() - 1) {
            vm.setError("Trim: the start (frame " + f + ") must be before the end (frame "
                    + r.curation().keptTo(r.length()) + ")");
            return;
        }
        apply(r, r.curation().withTrim(f, to), "trimmed start at frame " + f);
    }

    /** Keeps frames up to and including the player's current frame. */
    public void trimEndHere() {
        EpisodeRow r = row();
        if (r == null) {
            return;
        }
        int f = vm.player().frameProperty().get();
        if (f <= r.curation().trimFrom()) {
            vm.setError("Trim: the end (frame " + f + ") must be after the start (frame " + r.curation().trimFrom() + ")");
            return;
        }
        apply(r, r.curation().withTrim(r.curation().trimFrom(), f + 1 >= r.length() ? -1 : f + 1),
                "trimmed end after frame " + f);
    }

    /** Keeps every frame again. */
    public void clearTrim() {
        EpisodeRow r = row();
        if (r != null && r.curation().isTrimmed()) {
            apply(r, r.curation().withTrim(0, -1), "trim cleared");
        }
    }

    /** Marks the episode deleted: hidden from exports, restorable (and undoable). */
    public void delete() {
        EpisodeRow r = row();
        if (r != null && !r.deleted()) {
            apply(r, r.curation().withDeleted(true), "deleted (Undo or Restore brings it back)");
        }
    }

    /** Brings a deleted episode back. */
    public void restore() {
        EpisodeRow r = row();
        if (r != null && r.deleted()) {
            apply(r, r.curation().withDeleted(false), "restored");
        }
    }

    public void undo() {
        vm.journal().undo().ifPresent(c -> after(c, "Undone: "));
    }

    public void redo() {
        vm.journal().redo().ifPresent(c -> after(c, "Redone: "));
    }

    private EpisodeRow row() {
        EpisodeRow r = vm.selectedProperty().get();
        if (r == null) {
            vm.setError("Select an episode first.");
        }
        return r;
    }

    private void apply(EpisodeRow r, EpisodeCuration next, String what) {
        vm.setError("");
        CurationChange c = vm.journal().apply(r.index(), next, "episode " + r.index() + ": " + what);
        after(c, "");
    }

    private void after(CurationChange c, String prefix) {
        vm.rebuildRows();
        vm.save();
        vm.setStatus(prefix + c.description());
    }
}
