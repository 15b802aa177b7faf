package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every staged episode left by a crash into a proper dataset episode, or quarantines it with a
 * clear reason. Run when a dataset is opened for recording and by {@code tandem dataset recover}.
 * Episodes already in the dataset are never touched; the sink appends atomically. Caller's thread.
 */
public final class StagingRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StagingRecovery.class);

    private final Path stagingRoot;
    private final Path quarantineRoot;
    private final EpisodeAssembler assembler;
    private final DatasetSink sink;

    public StagingRecovery(Path stagingRoot, Path quarantineRoot, EpisodeAssembler assembler, DatasetSink sink) {
        this.stagingRoot = stagingRoot;
        this.quarantineRoot = quarantineRoot;
        this.assembler = assembler;
        this.sink = sink;
    }

    /**
     * What became of one staged episode.
     *
     * @param staged       its staging directory name
     * @param episodeIndex the dataset index it received, or -1 if quarantined
     * @param rows         rows recovered (0 if quarantined)
     * @param message      one line for the user
     */
    public record Result(String staged, int episodeIndex, int rows, String message) {
        public boolean recovered() {
            return episodeIndex >= 0;
        }
    }

    /** Recovers every staged episode, oldest first. */
    public List<Result> recoverAll() throws IOException {
        List<Result> out = new ArrayList<>();
        if (!Files.isDirectory(stagingRoot)) {
            return out;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(stagingRoot,
                p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("ep-"))) {
            ds.forEach(dirs::add);
        }
        dirs.sort(null);
        for (Path d : dirs) {
            out.add(recover(d));
        }
        return out;
    }

    /** Recovers one staged episode directory. */
    public Result recover(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        EpisodeAssembler.Assembled a;
        try {
            a = assembler.assemble(dir);
        } catch (IOException | RuntimeException e) {
            String reason = "could not be recovered: " + e.getMessage();
            Path q = StagedTree.quarantine(dir, quarantineRoot, reason);
            LOG.warn("staged episode {} {}; moved to {}", name, reason, q);
            return new Result(name, -1, 0, name + " " + reason + " (moved to " + q + ")");
        }
        int index = sink.appendEpisode(a.data());
        StagedTree.delete(dir);
        String msg = name + " recovered as episode " + index + ": " + a.data().length() + " rows ("
                + String.join("; ", a.notes()) + ")";
        return new Result(name, index, a.data().length(), msg);
    }
}
