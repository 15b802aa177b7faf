package studio.tandem.app.studio.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free space on the file system holding a (possibly not yet created) path. Worker thread: it does I/O. */
final class DiskProbe {
    private DiskProbe() {
    }

    /** Usable bytes, or -1 if unknown. */
    static long usable(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
