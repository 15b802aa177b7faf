package studio.tandem.dataset.rlds;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/**
 * Deterministic synthetic episodes: state[i][d] = episode*1000 + i + d/10, action = -state,
 * intervention on odd steps, authority.arm = step % 3, one correction at the middle step, cameras
 * filled with a colour per step. {@code shortCamera} makes one episode's camera run out of frames.
 */
final class SyntheticSource implements EpisodeSource {
    static final int STATE_DIM = 6;
    static final int ACTION_DIM = 7;

    private final int[] lengths;
    private final Boolean[] success;
    private final List<VisualFeature> cameras;
    private final int shortCameraEpisode;

    SyntheticSource(int[] lengths, Boolean[] success, List<VisualFeature> cameras, int shortCameraEpisode) {
        this.lengths = lengths;
        this.success = success;
        this.cameras = cameras;
        this.shortCameraEpisode = shortCameraEpisode;
    }

    static SyntheticSource standard() {
        return new SyntheticSource(new int[] {5, 1, 9}, new Boolean[] {true, null, false},
                List.of(VisualFeature.video("observation.images.front", 64, 48),
                        VisualFeature.video("observation.images.wrist", 32, 32)), -1);
    }

    @Override
    public String location() {
        return "synthetic";
    }

    @Override
    public VectorFeature state() {
        return VectorFeature.float32("observation.state", names("s", STATE_DIM));
    }

    @Override
    public VectorFeature action() {
        return VectorFeature.float32("action", names("a", ACTION_DIM));
    }

    @Override
    public List<VisualFeature> cameras() {
        return cameras;
    }

    @Override
    public List<Feature> extras() {
        return List.of(VectorFeature.scalar("intervention", DType.BOOL),
                VectorFeature.scalar("authority.arm", DType.INT64),
                new TextFeature("language_correction"));
    }

    @Override
    public int episodeCount() {
        return lengths.length;
    }

    @Override
    public SourceEpisode episode(int i) {
        return new Episode(i);
    }

    @Override
    public void close() {
    }

    static List<String> names(String p, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(p + i);
        }
        return l;
    }

    static double stateValue(int episode, int step, int d) {
        return episode * 1000 + step + d / 10.0;
    }

    static Color colour(int step) {
        return new Color((step * 40) % 256, 255 - (step * 40) % 256, 128);
    }

    private final class Episode implements SourceEpisode {
        private final int ep;

        Episode(int ep) {
            this.ep = ep;
        }

        @Override
        public int episodeIndex() {
            return ep;
        }

        @Override
        public int length() {
            return lengths[ep];
        }

        @Override
        public String filePath() {
            return "data/chunk-000/file-000.parquet#episode=" + ep;
        }

        @Override
        public Optional<Boolean> success() {
            return Optional.ofNullable(success[ep]);
        }

        @Override
        public double[] numbers(VectorFeature f) {
            int n = length();
            double[] v = new double[n * f.length()];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < f.length(); d++) {
                    v[i * f.length() + d] = switch (f.name()) {
                        case "observation.state" -> stateValue(ep, i, d);
                        case "action" -> -stateValue(ep, i, d);
                        case "intervention" -> i % 2;
                        case "authority.arm" -> i % 3;
                        default -> throw new IllegalArgumentException(f.name());
                    };
                }
            }
            return v;
        }

        @Override
        public List<String> texts(TextFeature f) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < length(); i++) {
                l.add(i == length() / 2 ? "more to the left, ü" : "");
            }
            return l;
        }

        @Override
        public List<String> instructions() {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < length(); i++) {
                l.add(i < length() / 2 ? "pick up the cube" : "more to the left, ü");
            }
            return l;
        }

        @Override
        public FrameCursor frames(VisualFeature camera) {
            int n = ep == shortCameraEpisode ? length() - 1 : length();
            BufferedImage img = new BufferedImage(camera.width(), camera.height(), BufferedImage.TYPE_INT_RGB);
            return new FrameCursor() {
                private int i;

                @Override
                public BufferedImage next() throws IOException {
                    if (i >= n) {
                        return null;
                    }
                    Graphics2D g = img.createGraphics();
                    g.setColor(colour(i++));
                    g.fillRect(0, 0, img.getWidth(), img.getHeight());
                    g.dispose();
                    return img;
                }
            };
        }
    }
}
