package studio.tandem.app.studio;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import studio.tandem.app.studio.common.Icons;
import studio.tandem.app.studio.common.Shortcuts;

/**
 * The window's frame: workspace switcher, the always-visible e-stop (also on {@link #ESTOP_KEY}
 * and Pause), the status bar, and the visible workspace. Routes keys: e-stop first, then
 * workspace switching, then the visible workspace's shortcuts. Binds only.
 */
public final class ShellView {
    /** The e-stop key, active in every workspace and even while typing. */
    public static final String ESTOP_KEY = "Esc";

    private final BorderPane root = new BorderPane();
    private final StackPane stack = new StackPane();
    private final Map<Workspace, Node> nodes = new EnumMap<>(Workspace.class);
    private final Map<Workspace, Shortcuts> keys = new EnumMap<>(Workspace.class);
    private final ShellViewModel vm;

    public ShellView(ShellViewModel vm, Node statusBar) {
        this.vm = vm;
        root.setId("shell");
        root.getStyleClass().add("shell");
        root.setTop(header());
        root.setCenter(stack);
        root.setBottom(statusBar);
        BorderPane.setMargin(stack, new Insets(8));
        vm.workspaceProperty().addListener((o, a, b) -> show(b));
    }

    /** Adds a workspace's node and shortcuts. */
    public void add(Workspace w, Node node, Shortcuts shortcuts) {
        nodes.put(w, node);
        keys.put(w, shortcuts);
        node.setVisible(w == vm.workspaceProperty().get());
        if (node instanceof Region r) {
            r.setMinSize(0, 0);
        }
        stack.getChildren().add(node);
    }

    private void show(Workspace w) {
        nodes.forEach((k, n) -> n.setVisible(k == w));
    }

    private Node header() {
        Label title = new Label("Tandem Studio");
        title.getStyleClass().add("app-title");
        title.setGraphic(Icons.icon("mdi2r-robot-industrial"));
        ToggleGroup group = new ToggleGroup();
        HBox switcher = new HBox();
        switcher.getStyleClass().add("workspace-switcher");
        for (Workspace w : Workspace.values()) {
            ToggleButton b = Icons.decorate(new ToggleButton(w.title()), w.icon(), w.purpose(), w.shortcut());
            b.setId("workspace" + w.title());
            b.setToggleGroup(group);
            b.setSelected(w == vm.workspaceProperty().get());
            b.setOnAction(e -> {
                vm.workspaceProperty().set(w);
                b.setSelected(true);
            });
            vm.workspaceProperty().addListener((o, a, now) -> b.setSelected(now == w));
            switcher.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button estop = Icons.decorate(new Button("E-STOP"), "mdi2a-alert-octagon", "Emergency stop: the robot holds",
                KeyCombination.valueOf(ESTOP_KEY).getDisplayText() + " or Pause");
        estop.setId("estopButton");
        estop.getStyleClass().add("estop");
        estop.setOnAction(e -> vm.engageEstop("button"));
        Button reset = Icons.decorate(new Button("Reset"), "mdi2r-restart", "Release the e-stop when safe", "");
        reset.setId("estopReset");
        reset.visibleProperty().bind(vm.estoppedProperty());
        reset.managedProperty().bind(vm.estoppedProperty());
        reset.setOnAction(e -> vm.resetEstop());
        vm.estoppedProperty().addListener((o, a, b) -> {
            if (b) {
                estop.getStyleClass().add("engaged");
            } else {
                estop.getStyleClass().remove("engaged");
            }
        });
        HBox bar = new HBox(16, title, switcher, spacer, reset, estop);
        bar.getStyleClass().add("header");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    /** Installs key routing on the window's scene. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.PAUSE) {
            e.consume();
            vm.engageEstop("key " + e.getCode().getName());
            return;
        }
        if (e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
            for (Workspace w : Workspace.values()) {
                if (KeyCombination.valueOf(w.shortcut()).match(e)) {
                    e.consume();
                    vm.workspaceProperty().set(w);
                    return;
                }
            }
        }
        Shortcuts s = keys.get(vm.workspaceProperty().get());
        if (s != null) {
            s.handle(e);
        }
    }

    public BorderPane node() {
        return root;
    }
}
