package studio.tandem.app.studio.review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.DatasetInfo;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;

/**
 * One episode read for review: its numeric channels per plottable feature, its intervention flags
 * and its cameras. Loaded on a worker thread; immutable afterwards except for the cameras.
 *
 * @param record the episode's metadata
 * @param channels per plottable feature (in schema order), per channel, one value per frame
 * @param names per plottable feature, its channel names
 * @param intervention per-frame intervention flags, null when the dataset has no such column
 * @param cameras the episode's synced camera decoders
 */
record EpisodeData(EpisodeRecord record, Map<String, double[][]> channels, Map<String, List<String>> names,
        boolean[] intervention, CameraPlayback cameras) {

    /** Reads episode {@code index} of {@code ds}. Worker thread. */
    static EpisodeData load(LeRobotDataset ds, long index) throws IOException {
        EpisodeRecord r = ds.episode(index);
        EpisodeFrames f = ds.readEpisode(index);
        Map<String, double[][]> channels = new TreeMap<>(new SchemaOrder(ds.info()));
        Map<String, List<String>> names = new TreeMap<>(new SchemaOrder(ds.info()));
        for (Feature feat : ds.info().features().tabular()) {
            if (feat instanceof VectorFeature v && plottable(v)) {
                channels.put(v.name(), split(f.doubles(v.name()), f.length(), v.length()));
                names.put(v.name(), channelNames(v));
            }
        }
        boolean[] iv = ds.info().features().get("intervention").isPresent() ? f.bools("intervention") : null;
        List<LeRobotDataset.VideoSegment> segs = new ArrayList<>();
        for (VisualFeature v : ds.info().features().videos()) {
            if (r.videos().containsKey(v.name())) {
                segs.add(ds.video(v.name(), index));
            }
        }
        return new EpisodeData(r, channels, names, iv, new CameraPlayback(segs));
    }

    /** Numeric features other than LeRobot's index columns. */
    static boolean plottable(VectorFeature v) {
        return v.dtype() != DType.STRING && v.dtype().isNumeric() && !DatasetInfo.isDefault(v.name());
    }

    private static List<String> channelNames(VectorFeature v) {
        if (v.names() != null && v.names().size() == v.length()) {
            return v.names();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.length(); i++) {
            out.add(v.length() == 1 ? v.name() : v.name() + "[" + i + "]");
        }
        return out;
    }

    private static double[][] split(double[] flat, int frames, int width) {
        double[][] out = new double[width][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < width; c++) {
                out[c][i] = flat[i * width + c];
            }
        }
        return out;
    }

    int length() {
        return (int) record.length();
    }

    /** Orders feature names as the schema lists them. */
    private record SchemaOrder(DatasetInfo info) implements java.util.Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(pos(a), pos(b));
        }

        private int pos(String name) {
            List<Feature> all = info.features().all();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals(name)) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }
    }
}
