package studio.tandem.app.studio.review;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The episode table: binds the review's filtered rows and selection; sorting by any column. */
final class EpisodeTableView {
    private final TableView<EpisodeRow> table = new TableView<>();

    EpisodeTableView(ReviewViewModel vm) {
        table.setId("episodeTable");
        table.getStyleClass().add("episode-table");
        SortedList<EpisodeRow> sorted = new SortedList<>(vm.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("#", 44, EpisodeRow::index));
        TableColumn<EpisodeRow, String> task = column("Task", 190, EpisodeRow::task);
        table.getColumns().add(task);
        table.getColumns().add(column("Frames", 64, EpisodeRow::keptLength));
        table.getColumns().add(column("Success", 64, EpisodeRow::successText));
        table.getColumns().add(column("Interv.", 56, EpisodeRow::interventions));
        table.getColumns().add(column("Corr.", 50, EpisodeRow::corrections));
        table.getColumns().add(column("Dropped", 62, EpisodeRow::dropped));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new StatusRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setPlaceholder(new javafx.scene.control.Label("No episodes"));
    }

    private static <T> TableColumn<EpisodeRow, T> column(String title, double width, Function<EpisodeRow, T> value) {
        TableColumn<EpisodeRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    TableView<EpisodeRow> node() {
        return table;
    }

    /** Styles deleted, trimmed, failed and successful rows. */
    private static final class StatusRow extends TableRow<EpisodeRow> {
        @Override
        protected void updateItem(EpisodeRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("deleted", "trimmed", "failure", "success");
            if (r == null || empty) {
                return;
            }
            if (r.deleted()) {
                getStyleClass().add("deleted");
            } else if (r.curation().isTrimmed()) {
                getStyleClass().add("trimmed");
            }
            if (Boolean.FALSE.equals(r.success())) {
                getStyleClass().add("failure");
            } else if (Boolean.TRUE.equals(r.success())) {
                getStyleClass().add("success");
            }
        }
    }
}
