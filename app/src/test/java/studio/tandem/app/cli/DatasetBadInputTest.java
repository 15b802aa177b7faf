package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad-input case of {@code tandem dataset info|validate|sample} through the real command line:
 * a non-zero exit, exactly one line on stderr naming the broken file, no stack trace.
 */
class DatasetBadInputTest {
    @TempDir
    static Path shared;
    private static Path sample;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeSample() throws IOException {
        sample = shared.resolve("sample");
        SampleDataset.write(sample, 3, 20, 160, 120, new PrintWriter(new StringWriter()));
    }

    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = TandemCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path copy() throws IOException {
        Path dst = tmp.resolve("ds");
        try (Stream<Path> s = Files.walk(sample)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(p, dst.resolve(sample.relativize(p).toString()));
            }
        }
        return dst;
    }

    private static void assertOneLineNaming(Run r, Path file, String what) {
        assertThat(r.code()).as(r.err()).isNotZero();
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(file.toString()).contains(what).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void theIntactSampleValidates() {
        Run r = run("dataset", "validate", sample.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("ok: 3 episodes, 60 frames, 2 tasks, 2 cameras");
    }

    @Test
    void infoShowsCamerasAndEpisodes() {
        Run r = run("dataset", "info", sample.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("observation.images.front", "160x120 mpeg4 yuv420p @ 30 fps")
                .contains("observation.images.wrist").contains("shoulder_pan.pos")
                .containsPattern("0 +20 frames +0\\.67 s  pick up the red cube \\| place the cube in the bowl")
                .containsPattern("2 +20 frames");
    }

    @Test
    void truncatedDataParquet() throws IOException {
        Path ds = copy();
        Path data = ds.resolve("data/chunk-000/file-000.parquet");
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        assertOneLineNaming(run("dataset", "validate", ds.toString()), data, "Parquet");
        assertOneLineNaming(run("dataset", "info", ds.toString()), data, "Parquet");
    }

    @Test
    void truncatedEpisodesParquet() throws IOException {
        Path ds = copy();
        Path eps = ds.resolve("meta/episodes/chunk-000/file-000.parquet");
        try (FileChannel ch = FileChannel.open(eps, StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertOneLineNaming(run("dataset", "info", ds.toString()), eps, "Parquet");
        assertOneLineNaming(run("dataset", "validate", ds.toString()), eps, "Parquet");
    }

    @Test
    void malformedJson() throws IOException {
        Path ds = copy();
        Path info = ds.resolve("meta/info.json");
        Files.writeString(info, Files.readString(info).replaceFirst("\\{", "{,"));
        assertOneLineNaming(run("dataset", "info", ds.toString()), info, "JSON");
        Files.writeString(info, Files.readString(info).replaceFirst("\\{,", "{"));
        Path stats = ds.resolve("meta/stats.json");
        Files.writeString(stats, "{\"action\": [1, 2");
        assertOneLineNaming(run("dataset", "validate", ds.toString()), stats, "JSON");
    }

    @Test
    void missingVideoFile() throws IOException {
        Path ds = copy();
        Path mp4 = ds.resolve("videos/observation.images.wrist/chunk-000/file-000.mp4");
        Files.delete(mp4);
        Run r = run("dataset", "validate", ds.toString());
        assertThat(r.code()).isEqualTo(1);
        assertOneLineNaming(r, mp4, "missing");
    }

    @Test
    void totalsThatDisagree() throws IOException {
        Path ds = copy();
        Path info = ds.resolve("meta/info.json");
        Files.writeString(info, Files.readString(info).replaceFirst("\"total_frames\"\\s*:\\s*60", "\"total_frames\": 61"));
        Run r = run("dataset", "validate", ds.toString());
        assertThat(r.code()).isEqualTo(1);
        assertOneLineNaming(r, info, "total_frames is 61");
    }

    @Test
    void sampleIntoANonEmptyDirectoryRefuses() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        Run r = run("dataset", "sample", dir.toString());
        assertOneLineNaming(r, dir, "not empty");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }
}
