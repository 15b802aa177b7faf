package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ParquetTableReader;

/**
 * The columns of the LeRobot data file read last, since consecutive episodes usually share one
 * file. Columns are read on first use. Exporter thread only.
 */
final class DataFileCache {
    /** An episode's rows within its data file: {@code [first, first + length)}. */
    record Rows(DataFileCache file, String path, int first, int length) {
        ColumnData column(String name) throws IOException {
            return file.column(path, name);
        }
    }

    private final Path root;
    private String path;
    private ParquetTableReader reader;
    private final Map<String, ColumnData> columns = new HashMap<>();

    DataFileCache(Path root) {
        this.root = root;
    }

    /** Locates the rows of {@code rec} in data file {@code rel}, checking they are contiguous and complete. */
    Rows rows(String rel, EpisodeRecord rec) throws IOException {
        ColumnData ep = column(rel, "episode_index");
        int first = -1;
        int count = 0;
        for (int r = 0; r < ep.rows(); r++) {
            if (ep.longAt(r) == rec.episodeIndex()) {
                if (first < 0) {
                    first = r;
                } else if (r != first + count) {
                    throw new IOException(rel + ": rows of episode " + rec.episodeIndex() + " are not contiguous");
                }
                count++;
            }
        }
        if (count != rec.length()) {
            throw new IOException(rel + ": episode " + rec.episodeIndex() + " has " + count
                    + " rows, but meta/episodes says " + rec.length());
        }
        return new Rows(this, rel, first, count);
    }

    ColumnData column(String rel, String name) throws IOException {
        if (!rel.equals(path)) {
            clear();
            reader = ParquetTableReader.open(root.resolve(rel));
            path = rel;
        }
        ColumnData c = columns.get(name);
        if (c == null) {
            if (!reader.hasColumn(name)) {
                throw new IOException(rel + ": column '" + name + "' is missing");
            }
            c = reader.read(name);
            columns.put(name, c);
        }
        return c;
    }

    void clear() {
        columns.clear();
        reader = null;
        path = null;
    }
}
