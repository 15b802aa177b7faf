package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.rlds.EpisodeSource;
import studio.tandem.dataset.rlds.FrameCursor;
import studio.tandem.dataset.rlds.SourceEpisode;
import studio.tandem.dataset.time.ManualClock;

/** The command's contract with an in-memory source: output layout, progress, last-line JSON, errors. */
class ExportRldsCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ExportRldsCommand.SourceOpener opener, String... args) {
        CommandLine cl = new CommandLine(new ExportRldsCommand(opener, new ManualClock(0)));
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void exportsAndPrintsJsonLast() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("My-Demos"));
        int code = run(d -> new TinySource(3, false), dir.toString(), tmp.resolve("out").toString(),
                "--image-size", "16x8");
        assertThat(code).as(err.toString()).isZero();
        Path v = tmp.resolve("out/my_demos/1.0.0");
        assertThat(v.resolve("dataset_info.json")).exists();
        assertThat(v.resolve("features.json")).exists();
        assertThat(v.resolve("my_demos-train.tfrecord-00000-of-00001")).exists();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches(
                "\\{\"episodes\":3,\"steps\":6,\"bytes\":\\d+,\"shards\":1,\"seconds\":0\\.000\\}");
        assertThat(err.toString()).contains("] 3/3 episodes, 6 steps").contains("wrote " + v);
    }

    @Test
    void corruptSourceIsOneLineAndNothingWritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ds"));
        int code = run(d -> new TinySource(3, true), dir.toString(), tmp.resolve("out").toString(), "--name", "x");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> l.startsWith("tandem ")).toList())
                .containsExactly("tandem export-rlds: ep2.parquet: episode 2: camera 'observation.images.top' has 1 frames, expected 2");
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(tmp.resolve("out/x")).doesNotExist();
    }

    @Test
    void badArgumentsAreOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ds"));
        assertThat(run(d -> new TinySource(1, false), dir.toString(), tmp.toString(), "--image-size", "big")).isEqualTo(2);
        assertThat(err.toString()).contains("--image-size: expected WxH (e.g. 256x256), got 'big'");
        assertThat(run(d -> new TinySource(1, false), tmp.resolve("nope").toString(), tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope: not a dataset directory");
    }

    /** Episodes of two steps, one 4x4 camera; {@code broken} makes the last episode's camera short. */
    private record TinySource(int episodes, boolean broken) implements EpisodeSource {
        @Override
        public String location() {
            return "tiny";
        }

        @Override
        public VectorFeature state() {
            return VectorFeature.float32("observation.state", List.of("x", "y"));
        }

        @Override
        public VectorFeature action() {
            return VectorFeature.float32("action", List.of("x"));
        }

        @Override
        public List<VisualFeature> cameras() {
            return List.of(VisualFeature.video("observation.images.top", 4, 4));
        }

        @Override
        public List<Feature> extras() {
            return List.of(VectorFeature.scalar("intervention", DType.BOOL));
        }

        @Override
        public int episodeCount() {
            return episodes;
        }

        @Override
        public SourceEpisode episode(int i) {
            boolean shortCamera = broken && i == episodes - 1;
            return new SourceEpisode() {
                @Override
                public int episodeIndex() {
                    return i;
                }

                @Override
                public int length() {
                    return 2;
                }

                @Override
                public String filePath() {
                    return "ep" + i + ".parquet";
                }

                @Override
                public Optional<Boolean> success() {
                    return Optional.empty();
                }

                @Override
                public double[] numbers(VectorFeature f) {
                    return new double[2 * f.length()];
                }

                @Override
                public List<String> texts(TextFeature f) {
                    return Collections.nCopies(2, "");
                }

                @Override
                public List<String> instructions() {
                    return Collections.nCopies(2, "push");
                }

                @Override
                public FrameCursor frames(VisualFeature camera) {
                    int[] left = {shortCamera ? 1 : 2};
                    return () -> left[0]-- > 0 ? new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB) : null;
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
