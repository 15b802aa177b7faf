package studio.tandem.app.studio.prefs;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the studio window where it was last time, if that place is still on a screen (a monitor
 * that was unplugged does not swallow the window). FX thread.
 */
public final class WindowPlacement {
    /** Smallest size restored; the stage's own minimum applies too. */
    private static final double MIN_W = 640;
    private static final double MIN_H = 480;
    /** How much of the title bar must still be on some screen. */
    private static final double VISIBLE = 80;

    private WindowPlacement() {
    }

    /** Moves and sizes {@code stage} to {@code w}; false (stage untouched) when {@code w} is null or off every screen. */
    public static boolean restore(Stage stage, StudioPrefs.Window w) {
        if (!usable(w)) {
            return false;
        }
        Rectangle2D titleBar = new Rectangle2D(w.x(), w.y(), Math.min(w.width(), VISIBLE), VISIBLE);
        if (Screen.getScreensForRectangle(titleBar).isEmpty()) {
            return false;
        }
        stage.setX(w.x());
        stage.setY(w.y());
        stage.setWidth(w.width());
        stage.setHeight(w.height());
        stage.setMaximized(w.maximized());
        return true;
    }

    /** Whether {@code w} has finite coordinates and a sensible size. */
    static boolean usable(StudioPrefs.Window w) {
        return w != null && Double.isFinite(w.x()) && Double.isFinite(w.y()) && Double.isFinite(w.width())
                && Double.isFinite(w.height()) && w.width() >= MIN_W && w.height() >= MIN_H;
    }

    /** Where {@code stage} is now. */
    public static StudioPrefs.Window of(Stage stage) {
        return new StudioPrefs.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }
}
