package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent read of {@code dataset sample}'s data Parquet with the Arrow C++ engine (the one
 * PyArrow uses, through arrow-dataset's JNI): LeRobot's column types and the row values.
 */
class SampleDatasetArrowTest {
    @TempDir
    Path dir;

    @Test
    void arrowCppSeesFixedSizeFloatListsAndFloat32Timestamps() throws Exception {
        Path root = dir.resolve("sample");
        SampleDataset.write(root, 3, 12, 160, 120, new PrintWriter(new StringWriter()));
        String uri = root.resolve("data/chunk-000/file-000.parquet").toUri().toString();
        try (BufferAllocator alloc = new RootAllocator();
                FileSystemDatasetFactory f = new FileSystemDatasetFactory(alloc, NativeMemoryPool.getDefault(),
                        FileFormat.PARQUET, uri)) {
            Schema schema = f.inspect();
            for (String k : new String[] {"observation.state", "action"}) {
                Field field = schema.findField(k);
                assertThat(field.getType().toString()).as(k).isEqualTo("FixedSizeList(6)");
                assertThat(field.getChildren().get(0).getType().toString()).as(k).isEqualTo("FloatingPoint(SINGLE)");
            }
            assertThat(schema.findField("timestamp").getType().toString()).isEqualTo("FloatingPoint(SINGLE)");
            assertThat(schema.findField("index").getType().toString()).isEqualTo("Int(64, true)");
            assertThat(schema.findField("intervention").getType().toString()).isEqualTo("Bool");
            try (Dataset ds = f.finish(); Scanner sc = ds.newScan(new ScanOptions(4096));
                    ArrowReader r = sc.scanBatches()) {
                assertThat(checkRows(r)).isEqualTo(36);
            }
        }
    }

    /** Every row: timestamp = frame_index / 30, index continuous, state vectors of 6 finite floats. */
    private static long checkRows(ArrowReader r) throws Exception {
        long rows = 0;
        while (r.loadNextBatch()) {
            Float4Vector ts = (Float4Vector) r.getVectorSchemaRoot().getVector("timestamp");
            BigIntVector frame = (BigIntVector) r.getVectorSchemaRoot().getVector("frame_index");
            BigIntVector index = (BigIntVector) r.getVectorSchemaRoot().getVector("index");
            FixedSizeListVector state = (FixedSizeListVector) r.getVectorSchemaRoot().getVector("observation.state");
            Float4Vector items = (Float4Vector) state.getDataVector();
            for (int i = 0; i < r.getVectorSchemaRoot().getRowCount(); i++) {
                assertThat(index.get(i)).isEqualTo(rows);
                assertThat(frame.get(i)).isEqualTo(rows % 12);
                assertThat((double) ts.get(i)).isCloseTo(frame.get(i) / 30.0, within(1e-6));
                assertThat(state.getObject(i)).hasSize(6);
                assertThat(Float.isFinite(items.get(i * 6 + 5))).isTrue();
                rows++;
            }
        }
        return rows;
    }
}
