package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free space where episodes are staged; tests inject a shrinking one. Called on the writer thread. */
@FunctionalInterface
public interface DiskSpace {

    /** Bytes still usable. */
    long usableBytes() throws IOException;

    /** The real free space of the file store holding {@code dir}. */
    static DiskSpace of(Path dir) {
        return () -> Files.getFileStore(dir).getUsableSpace();
    }
}
