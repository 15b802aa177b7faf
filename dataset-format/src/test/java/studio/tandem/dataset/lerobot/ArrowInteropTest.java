package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.FeatureSet;

/** Reads our Parquet with the Arrow C++ engine (through arrow-dataset's JNI), independently of our reader. */
class ArrowInteropTest {
    @TempDir
    Path dir;

    @Test
    void arrowSeesLeRobotColumnTypes() throws Exception {
        FeatureSet fs = TestDatasets.tableFeatures();
        Path root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, null, null)) {
            w.appendEpisode(TestDatasets.episode(fs, 12, 1, "pick"), Map.of(), EpisodeExtras.NONE);
            w.appendEpisode(TestDatasets.episode(fs, 8, 2, "place"), Map.of(), EpisodeExtras.NONE);
        }
        try (BufferAllocator alloc = new RootAllocator()) {
            Schema data = schema(alloc, root.resolve("data/chunk-000/file-000.parquet"));
            assertThat(data.findField("observation.state").getType().toString()).isEqualTo("FixedSizeList(6)");
            assertThat(data.findField("observation.state").getChildren().get(0).getType().toString())
                    .isEqualTo("FloatingPoint(SINGLE)");
            assertThat(data.findField("timestamp").getType().toString()).isEqualTo("FloatingPoint(SINGLE)");
            for (String k : new String[] {"frame_index", "episode_index", "index", "task_index"}) {
                assertThat(data.findField(k).getType().toString()).isEqualTo("Int(64, true)");
            }
            assertThat(data.getCustomMetadata()).containsKey("huggingface");

            Schema tasks = schema(alloc, root.resolve("meta/tasks.parquet"));
            assertThat(tasks.getFields()).extracting(f -> f.getName()).containsExactly("task_index", "__index_level_0__");
            assertThat(tasks.getCustomMetadata().get("pandas")).contains("\"index_columns\": [\"__index_level_0__\"]");

            Schema eps = schema(alloc, root.resolve("meta/episodes/chunk-000/file-000.parquet"));
            assertThat(eps.findField("tasks").getType().toString()).isEqualTo("List");
            assertThat(eps.findField("stats/index/min").getChildren().get(0).getType().toString())
                    .isEqualTo("Int(64, true)");
            assertThat(eps.findField("stats/action/mean").getChildren().get(0).getType().toString())
                    .isEqualTo("FloatingPoint(DOUBLE)");

            float[] firstRow = firstStateRow(alloc, root.resolve("data/chunk-000/file-000.parquet"));
            assertThat(firstRow).containsExactly(1000f, 1000.5f, 1001f, 1001.5f, 1002f, 1002.5f);
        }
    }

    private static Schema schema(BufferAllocator alloc, Path file) throws Exception {
        try (FileSystemDatasetFactory f = new FileSystemDatasetFactory(alloc, NativeMemoryPool.getDefault(),
                FileFormat.PARQUET, file.toUri().toString())) {
            return f.inspect();
        }
    }

    private static float[] firstStateRow(BufferAllocator alloc, Path file) throws Exception {
        try (FileSystemDatasetFactory f = new FileSystemDatasetFactory(alloc, NativeMemoryPool.getDefault(),
                FileFormat.PARQUET, file.toUri().toString());
                Dataset ds = f.finish();
                Scanner sc = ds.newScan(new ScanOptions(1024));
                ArrowReader r = sc.scanBatches()) {
            long rows = 0;
            float[] first = null;
            while (r.loadNextBatch()) {
                FixedSizeListVector v = (FixedSizeListVector) r.getVectorSchemaRoot().getVector("observation.state");
                Float4Vector items = (Float4Vector) v.getDataVector();
                if (first == null) {
                    first = new float[6];
                    for (int i = 0; i < 6; i++) {
                        first[i] = items.get(i);
                    }
                }
                rows += r.getVectorSchemaRoot().getRowCount();
            }
            assertThat(rows).isEqualTo(20);
            return first;
        }
    }
}
