package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;

/**
 * Test helper reading an exported TFDS directory the way TFDS does: dataset_info.json gives the
 * shard names and lengths, every record is CRC-checked and parsed with TensorFlow's generated
 * Example class, and every Example is checked against features.json (each declared leaf present,
 * of the right list kind and length).
 */
final class RldsDirectoryReader {
    final JsonNode info;
    final JsonNode features;
    final List<Example> episodes = new ArrayList<>();

    RldsDirectoryReader(Path dir) throws IOException {
        ObjectMapper m = new ObjectMapper();
        info = m.readTree(dir.resolve("dataset_info.json").toFile());
        features = m.readTree(dir.resolve("features.json").toFile());
        String name = info.get("name").asText();
        JsonNode split = info.get("splits").get(0);
        assertThat(split.get("name").asText()).isEqualTo("train");
        JsonNode lengths = split.get("shardLengths");
        long bytes = 0;
        for (int i = 0; i < lengths.size(); i++) {
            Path shard = dir.resolve(String.format("%s-train.tfrecord-%05d-of-%05d", name, i, lengths.size()));
            bytes += Files.size(shard);
            int count = 0;
            try (TfRecordReader r = new TfRecordReader(shard)) {
                for (byte[] rec = r.next(); rec != null; rec = r.next()) {
                    episodes.add(Example.parseFrom(rec));
                    count++;
                }
            }
            assertThat(lengths.get(i).isTextual()).as("int64 as JSON string").isTrue();
            assertThat(count).as("records in shard %d", i).isEqualTo(Long.parseLong(lengths.get(i).asText()));
        }
        assertThat(split.get("numBytes").asText()).isEqualTo(Long.toString(bytes));
        try (var s = Files.list(dir)) {
            assertThat(s.count()).as("files: two JSON + shards").isEqualTo(2 + lengths.size());
        }
        for (Example e : episodes) {
            checkAgainstFeatures(e);
        }
    }

    static Map<String, Feature> map(Example e) {
        return e.getFeatures().getFeatureMap();
    }

    static int steps(Example e) {
        return map(e).get("steps/is_first").getInt64List().getValueCount();
    }

    private void checkAgainstFeatures(Example e) {
        JsonNode top = features.get("featuresDict").get("features");
        JsonNode steps = top.get("steps");
        assertThat(steps.get("pythonClassName").asText()).isEqualTo(FeaturesJson.DATASET);
        int n = steps(e);
        int declared = walk(e, "steps/", steps.get("sequence").get("feature"), n);
        declared += walk(e, "episode_metadata/", top.get("episode_metadata"), 1);
        assertThat(map(e)).as("no undeclared keys").hasSize(declared);
    }

    private int walk(Example e, String prefix, JsonNode dict, int n) {
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> it = dict.get("featuresDict").get("features").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String cls = f.getValue().get("pythonClassName").asText();
            String key = prefix + f.getKey();
            if (cls.equals(FeaturesJson.DICT)) {
                count += walk(e, key + "/", f.getValue(), n);
                continue;
            }
            Feature v = map(e).get(key);
            assertThat(v).as(key).isNotNull();
            count++;
            checkLeaf(key, cls, f.getValue(), v, n);
        }
        return count;
    }

    private static void checkLeaf(String key, String cls, JsonNode spec, Feature v, int n) {
        switch (cls) {
            case FeaturesJson.IMAGE, FeaturesJson.TEXT -> assertThat(v.getBytesList().getValueCount()).as(key).isEqualTo(n);
            case FeaturesJson.SCALAR, FeaturesJson.TENSOR -> {
                int dim = 1;
                for (JsonNode d : spec.get("tensor").get("shape").path("dimensions")) {
                    dim *= Integer.parseInt(d.asText());
                }
                String dtype = spec.get("tensor").get("dtype").asText();
                int got = dtype.equals("float32") ? v.getFloatList().getValueCount() : v.getInt64List().getValueCount();
                assertThat(got).as(key + " (" + dtype + ")").isEqualTo(n * dim);
            }
            default -> throw new AssertionError(key + ": unexpected class " + cls);
        }
    }
}
