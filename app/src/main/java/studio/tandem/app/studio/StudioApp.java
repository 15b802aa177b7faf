package studio.tandem.app.studio;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The JavaFX studio window: Collect, Correct and Review workspaces. */
public final class StudioApp extends Application {

    /** Blocks until the studio window is closed. Call from the launcher's main thread. */
    public static void launchStudio() {
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        TabPane tabs = new TabPane(
                workspace("Collect", "Teleoperate the station and record episodes."),
                workspace("Correct", "Run a policy, intervene and correct it in words."),
                workspace("Review", "Browse, curate and export recorded episodes."));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.setTitle("Tandem Studio");
        stage.setScene(new Scene(tabs, 1280, 800));
        stage.show();
    }

    private static Tab workspace(String name, String purpose) {
        return new Tab(name, new Label(purpose));
    }
}
