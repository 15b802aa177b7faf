package studio.tandem.app.studio;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The studio's AppCDS archive (JDK 17 dynamic archive of the classes loaded up to the first frame),
 * kept next to the app jar by the {@code tandem} launcher. A JVM started with it maps those classes
 * instead of parsing and verifying them. Fresh only while it is newer than every class-path entry;
 * a stale or absent archive is re-created by a launch that dumps to a temporary file and moves it into
 * place when that JVM has exited (never half-written). Any thread.
 *
 * @param file where the archive lives (e.g. {@code app/target/tandem-studio.jsa})
 */
public record StartupArchive(Path file) {
    /** System property the launcher sets to the archive's path. */
    public static final String PROPERTY = "tandem.cds";

    /** The archive the launcher named in {@link #PROPERTY}, or null when it named none. */
    public static StartupArchive fromLauncher() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? null : new StartupArchive(Path.of(p));
    }

    /** Whether the archive exists and is at least as new as every entry of {@code classPath}. */
    public boolean freshFor(String classPath) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        FileTime made = Files.getLastModifiedTime(file);
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.exists(p) && Files.getLastModifiedTime(p).compareTo(made) > 0) {
                return false;
            }
        }
        return true;
    }

    /** JVM options that map the (fresh) archive; silent if the JVM still finds it unusable. */
    public List<String> useOptions() {
        return List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The temporary file a dumping launch writes to (moved into place by {@link #publish}). */
    public Path pending() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** JVM options that dump the loaded classes to {@link #pending()} when the JVM exits. */
    public List<String> dumpOptions() {
        return List.of("-XX:ArchiveClassesAtExit=" + pending(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After a dumping JVM exited: moves a complete dump into place; false if it wrote none. */
    public boolean publish() throws IOException {
        Path tmp = pending();
        if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
            Files.deleteIfExists(tmp);
            return false;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
