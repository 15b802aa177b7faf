package studio.tandem.app.config;

import studio.tandem.dataset.io.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a small text file whole or not at all: a temp file beside it, then a move over it. */
public final class AtomicText {
    private AtomicText() {
    }

    /** Replaces {@code file} with {@code text} (UTF-8); a crash leaves the old file or the new one, never half. */
    public static void write(Path file, String text) throws IOException {
        Path tmp = TempFiles.beside(file, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
