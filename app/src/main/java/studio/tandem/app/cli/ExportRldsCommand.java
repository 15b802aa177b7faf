package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.rlds.EpisodeSource;
import studio.tandem.dataset.rlds.ExportProgress;
import studio.tandem.dataset.rlds.ExportSummary;
import studio.tandem.dataset.rlds.ImageSize;
import studio.tandem.dataset.rlds.RldsExportOptions;
import studio.tandem.dataset.rlds.RldsExporter;
import studio.tandem.dataset.time.NanoClock;

/** {@code tandem dataset export-rlds DIR OUT}: a LeRobot v3.0 dataset as an RLDS TFDS directory. */
@Command(name = "export-rlds", mixinStandardHelpOptions = true,
        description = {"Exports a LeRobot v3.0 dataset as RLDS (Open X-Embodiment, TFDS): OUT/NAME/1.0.0/ with "
                + "dataset_info.json, features.json and NAME-train.tfrecord-XXXXX-of-YYYYY shards.",
            "Progress on stderr; the last line on stdout is JSON {episodes, steps, bytes, shards, seconds}."})
public final class ExportRldsCommand implements Callable<Integer> {

    /** Opens a dataset directory as an episode source. */
    @FunctionalInterface
    public interface SourceOpener {
        EpisodeSource open(Path dir) throws IOException;
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "LeRobot v3.0 dataset directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output directory; receives NAME/1.0.0/.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "TFDS dataset name (default: DIR's name in lower snake case).")
    String name;

    @Option(names = "--image-size", paramLabel = "WxH", description = "Resize every camera to WxH (default: keep).")
    String imageSize;

    @Option(names = "--jpeg-quality", paramLabel = "Q", defaultValue = "95", description = "JPEG quality 1-100 (default ${DEFAULT-VALUE}).")
    int jpegQuality;

    @Option(names = "--shard-size-mb", paramLabel = "MB", defaultValue = "256",
            description = "Target maximum size of one shard in MiB (default ${DEFAULT-VALUE}).")
    long shardSizeMb;

    @Spec
    CommandSpec spec;

    private final SourceOpener opener;
    private final NanoClock clock;

    public ExportRldsCommand() {
        this(studio.tandem.dataset.rlds.LeRobotEpisodeSource::open, NanoClock.SYSTEM);
    }

    ExportRldsCommand(SourceOpener opener, NanoClock clock) {
        this.opener = opener;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": not a dataset directory");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new UserError("--jpeg-quality: must be 1-100, was " + jpegQuality);
        }
        String n = name != null ? name : RldsExportOptions.defaultName(dir.toAbsolutePath().normalize().getFileName().toString());
        RldsExportOptions options = new RldsExportOptions(n, imageSize == null ? null : ImageSize.parse(imageSize),
                jpegQuality / 100f, Math.multiplyExact(shardSizeMb, 1L << 20));
        PrintWriter err = spec.commandLine().getErr();
        ExportSummary summary;
        ProgressBar bar = new ProgressBar(err);
        try (EpisodeSource source = opener.open(dir)) {
            int threads = Math.max(1, Math.min(source.cameras().size(), Runtime.getRuntime().availableProcessors()));
            ExecutorService images = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "rlds-images");
                t.setDaemon(true);
                return t;
            });
            try {
                summary = new RldsExporter(options, clock, images).export(source, out, bar);
            } finally {
                images.shutdownNow();
                bar.endLine();
            }
        }
        err.println("wrote " + summary.directory());
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.println(summary.toJson());
        o.flush();
        return 0;
    }

    /** A one-line progress bar redrawn with carriage returns on stderr. */
    static final class ProgressBar implements ExportProgress {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private boolean drawn;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void episodeDone(int done, int total, long steps) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\rexporting [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " episodes, " + steps + " steps");
            err.flush();
            drawn = true;
        }

        /** Ends the bar's line, so what follows (a result or an error) starts on its own line. */
        void endLine() {
            if (drawn) {
                err.println();
                err.flush();
                drawn = false;
            }
        }
    }
}
