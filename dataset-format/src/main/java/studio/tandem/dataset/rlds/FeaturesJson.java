package studio.tandem.dataset.rlds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;

/**
 * The {@code features.json} of the TFDS directory: the serialized {@code FeaturesDict} that
 * {@code tfds.builder_from_directory} rebuilds the feature connectors from. Episode = FeaturesDict
 * {steps: Dataset(FeaturesDict{...}), episode_metadata: FeaturesDict{file_path, episode_index}}.
 */
public final class FeaturesJson {
    static final String PKG = "tensorflow_datasets.core.features.";
    static final String DICT = PKG + "features_dict.FeaturesDict";
    static final String DATASET = PKG + "dataset_feature.Dataset";
    static final String TENSOR = PKG + "tensor_feature.Tensor";
    static final String SCALAR = PKG + "scalar.Scalar";
    static final String IMAGE = PKG + "image_feature.Image";
    static final String TEXT = PKG + "text_feature.Text";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FeaturesJson() {
    }

    /** The whole features.json document for a layout. */
    public static ObjectNode of(RldsLayout layout) {
        ObjectNode obs = F.objectNode();
        for (RldsLayout.Camera c : layout.cameras()) {
            obs.set(c.name(), image(c.height(), c.width(), "Camera '" + c.source().name() + "', RGB, JPEG."));
        }
        obs.set("state", vector(layout.state(), "Robot state (LeRobot '" + layout.state().name() + "')"));
        ObjectNode step = F.objectNode();
        step.set("observation", dict(obs));
        step.set("action", vector(layout.action(), "Executed action (LeRobot '" + layout.action().name() + "')"));
        step.set("reward", scalar("float32", "1.0 on the terminal step of a successful (or unlabelled) episode, else 0."));
        step.set("discount", scalar("float32", "Discount, always 1.0."));
        step.set("is_first", scalar("bool", "True on the first step of the episode."));
        step.set("is_last", scalar("bool", "True on the last step of the episode."));
        step.set("is_terminal", scalar("bool",
                "True on the last step of an episode labelled successful, or of an unlabelled episode."));
        step.set("language_instruction", text("The task of this step (changes after a language correction)."));
        for (RldsLayout.Extra e : layout.extras()) {
            step.set(e.name(), extra(e));
        }
        ObjectNode steps = node(DATASET);
        ObjectNode seq = steps.putObject("sequence");
        seq.set("feature", dict(step));
        seq.put("length", "-1");
        ObjectNode meta = F.objectNode();
        meta.set("file_path", text("Path of the source LeRobot data file, with the episode index."));
        meta.set("episode_index", scalar("int64", "Episode index in the source LeRobot dataset."));
        ObjectNode root = F.objectNode();
        root.set("steps", steps);
        root.set("episode_metadata", dict(meta));
        return dict(root);
    }

    static ObjectNode dict(ObjectNode features) {
        ObjectNode n = node(DICT);
        n.putObject("featuresDict").set("features", features);
        return n;
    }

    private static ObjectNode extra(RldsLayout.Extra e) {
        if (e.source() instanceof TextFeature) {
            return text(e.description());
        }
        VectorFeature v = (VectorFeature) e.source();
        String dtype = RldsLayout.tfdsDtype(v);
        return v.isScalar() ? scalar(dtype, e.description()) : tensor(dtype, v.length(), e.description());
    }

    private static ObjectNode vector(VectorFeature v, String what) {
        String names = v.names() == null ? "" : ": " + String.join(", ", v.names());
        return tensor("float32", v.length(), what + names + ".");
    }

    private static ObjectNode tensor(String dtype, int length, String description) {
        ObjectNode n = node(TENSOR);
        ObjectNode t = n.putObject("tensor");
        t.putObject("shape").putArray("dimensions").add(Integer.toString(length));
        t.put("dtype", dtype);
        t.put("encoding", "none");
        n.put("description", description);
        return n;
    }

    private static ObjectNode scalar(String dtype, String description) {
        ObjectNode n = node(SCALAR);
        ObjectNode t = n.putObject("tensor");
        t.putObject("shape");
        t.put("dtype", dtype);
        t.put("encoding", "none");
        n.put("description", description);
        return n;
    }

    private static ObjectNode image(int height, int width, String description) {
        ObjectNode n = node(IMAGE);
        ObjectNode i = n.putObject("image");
        i.putObject("shape").putArray("dimensions").add(Integer.toString(height)).add(Integer.toString(width)).add("3");
        i.put("dtype", "uint8");
        i.put("encodingFormat", "jpeg");
        n.put("description", description);
        return n;
    }

    private static ObjectNode text(String description) {
        ObjectNode n = node(TEXT);
        n.putObject("text");
        n.put("description", description);
        return n;
    }

    private static ObjectNode node(String pythonClass) {
        ObjectNode n = F.objectNode();
        n.put("pythonClassName", pythonClass);
        return n;
    }
}
