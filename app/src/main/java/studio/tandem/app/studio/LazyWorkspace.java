package studio.tandem.app.studio;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A workspace whose view is built the first time it is needed, inside a holder that stands in for it
 * in the shell from the start (start-up then builds only the visible workspace). FX thread.
 */
final class LazyWorkspace<V> {
    private final StackPane holder = new StackPane();
    private final Supplier<V> factory;
    private final Function<V, Node> node;
    private V view;

    LazyWorkspace(Supplier<V> factory, Function<V, Node> node) {
        this.factory = factory;
        this.node = node;
    }

    StackPane holder() {
        return holder;
    }

    /** The view, built now if it was not yet. */
    V get() {
        if (view == null) {
            view = factory.get();
            holder.getChildren().add(node.apply(view));
        }
        return view;
    }
}
