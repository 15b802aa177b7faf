package studio.tandem.app.studio.common;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli Material Design 2 icons and tooltips that name the shortcut. FX thread only. */
public final class Icons {
    private Icons() {
    }

    /** An icon by Ikonli code, e.g. {@code mdi2p-play}. */
    public static FontIcon icon(String code) {
        FontIcon i = new FontIcon(code);
        i.getStyleClass().add("tandem-icon");
        return i;
    }

    /** Gives {@code b} an icon and a tooltip "text (shortcut)"; returns {@code b}. */
    public static <B extends ButtonBase> B decorate(B b, String code, String text, String shortcut) {
        if (code != null) {
            b.setGraphic(icon(code));
        }
        Tooltip t = new Tooltip(shortcut == null || shortcut.isEmpty() ? text : text + "  (" + shortcut + ")");
        t.setShowDelay(Duration.millis(300));
        b.setTooltip(t);
        return b;
    }
}
