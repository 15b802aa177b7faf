package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Where staged and quarantined episodes live inside a dataset, and how they are removed or set aside. */
public final class StagedTree {
    /** Staged (in-progress or crashed) episodes, inside the dataset root; LeRobot ignores it. */
    public static final String STAGING = ".tandem-staging";
    /** Episodes that could not be recovered, with a REASON.txt each. */
    public static final String QUARANTINE = ".tandem-quarantine";

    private StagedTree() {
    }

    public static Path staging(Path datasetRoot) {
        return datasetRoot.resolve(STAGING);
    }

    public static Path quarantine(Path datasetRoot) {
        return datasetRoot.resolve(QUARANTINE);
    }

    /** Deletes {@code dir} and everything below it (no-op if absent). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Moves a staged episode into {@code quarantineRoot} with a {@code REASON.txt}.
     *
     * @return the quarantined directory
     */
    public static Path quarantine(Path staged, Path quarantineRoot, String reason) throws IOException {
        Files.createDirectories(quarantineRoot);
        Path target = quarantineRoot.resolve(staged.getFileName());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(target.resolve("REASON.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        return target;
    }
}
