package studio.tandem.app.studio;

import javafx.scene.Scene;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.collect.CollectView;
import studio.tandem.app.studio.collect.CollectViewModel;
import studio.tandem.app.studio.collect.TeleopKeys;
import studio.tandem.app.studio.common.Shortcuts;
import studio.tandem.app.studio.common.FrameTicker;
import studio.tandem.app.studio.correct.CorrectView;
import studio.tandem.app.studio.correct.CorrectViewModel;
import studio.tandem.app.studio.prefs.PrefsBinding;
import studio.tandem.app.studio.session.SessionModel;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.app.studio.station.StationPanel;
import studio.tandem.app.studio.station.StationSettingsViewModel;
import studio.tandem.app.studio.review.ExportViewModel;
import studio.tandem.app.studio.review.ReviewView;
import studio.tandem.app.studio.review.ReviewViewModel;

/**
 * Builds one studio window's scene from a {@link StudioContext}: the shell, the three workspaces
 * and the window's single frame ticker. Used by the app, the screenshot command and the GUI tests.
 * FX thread only.
 */
public final class StudioWindow implements AutoCloseable {
    /** The stylesheet in {@code ui-resources}. */
    public static final String CSS = "/studio/tandem/ui/studio.css";

    private final FrameTicker ticker = new FrameTicker();
    private final ShellViewModel shell;
    private final ReviewViewModel review;
    private final ReviewView reviewView;
    private final Scene scene;
    private final StationSettingsViewModel station;
    private final SessionModel sessions;
    private final CollectViewModel collect;
    private final CorrectViewModel correct;
    private final LazyWorkspace<CollectView> collectView;
    private final LazyWorkspace<CorrectView> correctView;

    public StudioWindow(StudioContext ctx, ShellViewModel.EmergencyStop stop) {
        sessions = new SessionModel(ctx.background(), () -> StationSession.start(ctx.session(), ctx.clock(),
                StationConfigFile.load(ctx.configFile())), () -> StationSession.start(ctx.session(), ctx.clock()));
        shell = new ShellViewModel(new SessionStop(stop, sessions));
        sessions.sessionProperty().addListener((o, a, s) -> {
            if (s != null && shell.estoppedProperty().get()) {
                s.eStop();
            }
        });
        review = new ReviewViewModel(ctx.background());
        reviewView = new ReviewView(review, new ExportViewModel(ctx.background(), ctx.clock()), ticker);
        review.statusProperty().addListener((o, a, b) -> shell.statusProperty().set(b));
        review.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                shell.statusProperty().set(b);
            }
        });
        StatusBar status = new StatusBar(shell.statusProperty(), ctx.background(), ctx.dataDir());
        ticker.register(status);
        ShellView view = new ShellView(shell, status.node());
        view.add(Workspace.REVIEW, reviewView.node(), reviewView.shortcuts());
        station = new StationSettingsViewModel(ctx.background(), ctx.configFile());
        station.statusProperty().addListener((o, a, b) -> shell.statusProperty().set(b));
        collect = new CollectViewModel(sessions, ctx.background());
        correct = new CorrectViewModel(sessions, ctx.background(), ctx.defaultPolicy(), collect.taskProperty());
        collectView = collectWorkspace(view);
        correctView = correctWorkspace(view);
        station.load();
        PrefsBinding.bind(ctx.prefs(), shell, collect, correct, review);
        if (!ctx.prefs().problem().isEmpty()) {
            shell.statusProperty().set(ctx.prefs().problem());
        }
        scene = new Scene(view.node(), 1440, 900);
        var css = StudioWindow.class.getResource(CSS);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        view.installKeys(scene);
        TeleopKeys.install(scene, collect, () -> shell.workspaceProperty().get() != Workspace.REVIEW);
        show(shell.workspaceProperty().get());
        ticker.start();
    }

    private LazyWorkspace<CollectView> collectWorkspace(ShellView view) {
        collect.statusProperty().addListener((o, a, b) -> shell.statusProperty().set(b));
        sessions.stateProperty().addListener((o, a, b) -> shell.statusProperty().set(b));
        Shortcuts keys = new Shortcuts();
        LazyWorkspace<CollectView> w = new LazyWorkspace<>(() -> new CollectView(collect,
                new StationPanel(station, sessions::restart,
                sessions.problemProperty()).node(), ticker, keys), CollectView::node);
        view.add(Workspace.COLLECT, w.holder(), keys);
        return w;
    }

    private LazyWorkspace<CorrectView> correctWorkspace(ShellView view) {
        correct.statusProperty().addListener((o, a, b) -> shell.statusProperty().set(b));
        correct.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                shell.statusProperty().set(b);
            }
        });
        Shortcuts keys = new Shortcuts();
        LazyWorkspace<CorrectView> w = new LazyWorkspace<>(() -> new CorrectView(correct, collect, ticker, keys),
                CorrectView::node);
        view.add(Workspace.CORRECT, w.holder(), keys);
        shell.workspaceProperty().addListener((o, a, now) -> show(now));
        return w;
    }

    /** Builds a workspace on its first showing (start-up builds only what is visible) and starts the station. */
    private void show(Workspace w) {
        if (w == Workspace.COLLECT) {
            collectView.get();
            sessions.start();
        } else if (w == Workspace.CORRECT) {
            correctView.get();
            sessions.start();
        } else if (w == Workspace.REVIEW) {
            collect.episodes().saveHeld("Review opened");
        }
    }

    public Scene scene() {
        return scene;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ReviewViewModel review() {
        return review;
    }

    public ReviewView reviewView() {
        return reviewView;
    }

    public StationSettingsViewModel station() {
        return station;
    }

    public SessionModel sessions() {
        return sessions;
    }

    public CollectViewModel collect() {
        return collect;
    }

    public CollectView collectView() {
        return collectView.get();
    }

    public CorrectViewModel correct() {
        return correct;
    }

    public CorrectView correctView() {
        return correctView.get();
    }

    public FrameTicker ticker() {
        return ticker;
    }

    @Override
    public void close() {
        ticker.stop();
        review.close();
        sessions.close();
    }
}
