package studio.tandem.dataset.parquet;

import java.util.Map;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Feeds rows from a {@link RowWriter} to Parquet; the record is just the row number. */
final class CursorWriteSupport extends WriteSupport<ParquetTables.RowCursor> {
    private final TableSchema schema;
    private final Map<String, String> footer;
    private final RowWriter writer;
    private final RowFields fields;
    private RecordConsumer consumer;

    CursorWriteSupport(TableSchema schema, Map<String, String> footer, RowWriter writer) {
        this.schema = schema;
        this.footer = footer;
        this.writer = writer;
        this.fields = new RowFields(schema);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema.parquetSchema(), footer);
    }

    @Override
    public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
        return new WriteContext(schema.parquetSchema(), footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
        fields.bind(recordConsumer);
    }

    @Override
    public void write(ParquetTables.RowCursor record) {
        consumer.startMessage();
        writer.writeRow(record.row, fields);
        consumer.endMessage();
    }
}
