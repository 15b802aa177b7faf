package studio.tandem.app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTest {
    @TempDir
    Path dir;

    @Test
    void freshOnlyWhileNewerThanEveryClassPathEntry() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "x");
        Path lib = Files.writeString(dir.resolve("lib.jar"), "y");
        StartupArchive cds = new StartupArchive(dir.resolve("studio.jsa"));
        String cp = jar + File.pathSeparator + lib + File.pathSeparator + dir.resolve("missing.jar");
        assertThat(cds.freshFor(cp)).as("absent archive").isFalse();

        Files.writeString(cds.file(), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(lib, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(cds.file(), FileTime.fromMillis(2_000_000));
        assertThat(cds.freshFor(cp)).isTrue();

        Files.setLastModifiedTime(lib, FileTime.fromMillis(3_000_000));
        assertThat(cds.freshFor(cp)).as("a library rebuilt after the archive").isFalse();
    }

    @Test
    void publishMovesACompleteDumpIntoPlaceAndDropsAnEmptyOne() throws Exception {
        StartupArchive cds = new StartupArchive(dir.resolve("studio.jsa"));
        assertThat(cds.publish()).as("nothing dumped").isFalse();

        Files.createFile(cds.pending());
        assertThat(cds.publish()).as("empty dump").isFalse();
        assertThat(cds.pending()).doesNotExist();
        assertThat(cds.file()).doesNotExist();

        Files.writeString(cds.pending(), "dump");
        assertThat(cds.publish()).isTrue();
        assertThat(cds.file()).hasContent("dump");
        assertThat(cds.pending()).doesNotExist();
    }

    @Test
    void optionsNameTheArchiveAndItsPendingDump() {
        StartupArchive cds = new StartupArchive(dir.resolve("studio.jsa"));
        assertThat(cds.useOptions()).contains("-XX:SharedArchiveFile=" + cds.file(), "-Xshare:auto");
        assertThat(cds.dumpOptions()).contains("-XX:ArchiveClassesAtExit=" + dir.resolve("studio.jsa.tmp"));
    }

    @Test
    void launcherPropertyNamesTheArchive() {
        String old = System.getProperty(StartupArchive.PROPERTY);
        try {
            System.clearProperty(StartupArchive.PROPERTY);
            assertThat(StartupArchive.fromLauncher()).isNull();
            System.setProperty(StartupArchive.PROPERTY, dir.resolve("a.jsa").toString());
            assertThat(StartupArchive.fromLauncher().file()).isEqualTo(dir.resolve("a.jsa"));
        } finally {
            if (old == null) {
                System.clearProperty(StartupArchive.PROPERTY);
            } else {
                System.setProperty(StartupArchive.PROPERTY, old);
            }
        }
    }

    @Test
    void warmupInitialisesTheIconEnumsTheFirstFrameNeeds() throws Exception {
        StartupWarmup w = new StartupWarmup(getClass().getClassLoader());
        w.run();
        assertThat(w.initialised()).isEqualTo(StartupWarmup.ICON_ENUMS.size());
    }
}
