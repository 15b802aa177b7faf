package studio.tandem.app.studio.review;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Dataset statistics: the summary and per-channel min/max/mean/std from {@code stats.json}. */
final class StatsPane {
    private final VBox root;

    StatsPane(ReviewViewModel vm) {
        Label summary = new Label();
        summary.setId("statsSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        TableView<DatasetStatistics.ChannelStats> table = new TableView<>(vm.channelStats());
        table.setId("statsTable");
        TableColumn<DatasetStatistics.ChannelStats, String> ch = new TableColumn<>("Channel");
        ch.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().feature() + " · " + c.getValue().channel()));
        ch.setPrefWidth(170);
        table.getColumns().add(ch);
        table.getColumns().add(number("min", DatasetStatistics.ChannelStats::min));
        table.getColumns().add(number("max", DatasetStatistics.ChannelStats::max));
        table.getColumns().add(number("mean", DatasetStatistics.ChannelStats::mean));
        table.getColumns().add(number("std", DatasetStatistics.ChannelStats::std));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, summary, table);
        root.setPadding(new Insets(8));
    }

    private static TableColumn<DatasetStatistics.ChannelStats, String> number(String name,
            ToDoubleFunction<DatasetStatistics.ChannelStats> f) {
        TableColumn<DatasetStatistics.ChannelStats, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.3f", f.applyAsDouble(cd.getValue()))));
        c.setPrefWidth(60);
        return c;
    }

    VBox node() {
        return root;
    }
}
