package studio.tandem.dataset.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files that later become user files by an atomic move. Unlike
 * {@link Files#createTempFile}, which makes them readable by their owner only (0600), they get the
 * permissions any new file of this process gets (the umask's, typically 0644), so datasets, videos and
 * settings written this way can be read by the lab's other accounts like files LeRobot writes.
 */
public final class TempFiles {
    private TempFiles() {
    }

    /**
     * Creates a new empty hidden file beside {@code target} ({@code .<name>.<random><suffix>}), creating
     * the directory if needed.
     */
    public static Path beside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        while (true) {
            Path p = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }
}
