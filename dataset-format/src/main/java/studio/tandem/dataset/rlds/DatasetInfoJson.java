package studio.tandem.dataset.rlds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code dataset_info.json} of the TFDS directory: TFDS's {@code DatasetInfo} proto in
 * protobuf-JSON form (camelCase names, int64 as strings), with one split {@code train} whose
 * {@code shardLengths} and {@code numBytes} describe the written shards.
 */
public final class DatasetInfoJson {
    /** TFDS's default shard naming, spelled out so readers need not assume it. */
    public static final String FILEPATH_TEMPLATE = "{DATASET}-{SPLIT}.{FILEFORMAT}-{SHARD_X_OF_Y}";

    private DatasetInfoJson() {
    }

    /**
     * @param shardLengths episodes per shard, in shard order
     * @param numBytes total bytes of the split's shard files
     */
    public static ObjectNode of(String name, String version, String description, List<Long> shardLengths,
            long numBytes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("citation", "");
        n.put("description", description);
        n.put("fileFormat", "tfrecord");
        n.put("moduleName", "studio.tandem.dataset.rlds");
        n.put("name", name);
        n.putObject("releaseNotes").put(version, "Exported by Tandem Studio.");
        ObjectNode split = n.putArray("splits").addObject();
        split.put("filepathTemplate", FILEPATH_TEMPLATE);
        split.put("name", "train");
        split.put("numBytes", Long.toString(numBytes));
        var lengths = split.putArray("shardLengths");
        for (long l : shardLengths) {
            lengths.add(Long.toString(l));
        }
        n.put("version", version);
        return n;
    }
}
