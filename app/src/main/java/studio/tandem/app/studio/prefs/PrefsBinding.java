package studio.tandem.app.studio.prefs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import studio.tandem.app.studio.ShellViewModel;
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.collect.CollectViewModel;
import studio.tandem.app.studio.correct.CorrectViewModel;
import studio.tandem.app.studio.review.ReviewViewModel;

/**
 * Restores what the studio remembered into the view models, then follows them: the workspace,
 * Collect's task, the policy Correct loaded last and its failure-pause switch, and the dataset
 * Review opened. Remembered files that are gone are skipped (the built-in default stays). FX thread.
 */
public final class PrefsBinding {
    private PrefsBinding() {
    }

    /**
     * Applies {@code store}'s preferences (reopening Review's dataset in the background) and keeps
     * the store up to date from then on.
     */
    public static void bind(StudioPrefsStore store, ShellViewModel shell, CollectViewModel collect,
            CorrectViewModel correct, ReviewViewModel review) {
        restore(store.get(), shell, collect, correct, review);
        shell.workspaceProperty().addListener((o, a, w) -> store.update(p -> p.withWorkspace(w.name())));
        collect.taskProperty().addListener((o, a, t) -> store.update(p -> p.withTask(t)));
        correct.loadedProperty().addListener((o, a, on) -> {
            if (on) {
                String path = correct.policyPathProperty().get().trim();
                store.update(p -> p.withPolicy(path));
            }
        });
        correct.authority().pauseOnFailureProperty()
                .addListener((o, a, on) -> store.update(p -> p.withPauseOnFailure(on)));
        review.datasetProperty().addListener((o, a, ds) -> {
            if (ds != null) {
                String dir = ds.root().toAbsolutePath().normalize().toString();
                store.update(p -> p.withDataset(dir));
            }
        });
    }

    private static void restore(StudioPrefs p, ShellViewModel shell, CollectViewModel collect,
            CorrectViewModel correct, ReviewViewModel review) {
        if (p.task() != null && !p.task().isBlank()) {
            collect.taskProperty().set(p.task());
        }
        if (exists(p.policy(), false)) {
            correct.policyPathProperty().set(p.policy());
        }
        if (p.pauseOnFailure() != null) {
            correct.authority().pauseOnFailureProperty().set(p.pauseOnFailure());
        }
        if (exists(p.dataset(), true)) {
            review.open(Path.of(p.dataset()));
        }
        Workspace w = workspace(p.workspace());
        if (w != null) {
            shell.workspaceProperty().set(w);
        }
    }

    /** A remembered file or directory that is still there. */
    private static boolean exists(String path, boolean directory) {
        if (path == null || path.isBlank()) {
            return false;
        }
        try {
            Path p = Path.of(path);
            return directory ? Files.isDirectory(p) : Files.isRegularFile(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Workspace workspace(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Workspace.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
