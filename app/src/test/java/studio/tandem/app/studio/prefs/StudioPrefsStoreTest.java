package studio.tandem.app.studio.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioPrefsStoreTest {
    @TempDir
    Path tmp;

    /** Runs queued writes when told to, so a test sees how many were scheduled. */
    private static final class Queued implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void aMissingFileMeansDefaultsAndNothingIsWrittenUntilSomethingChanges() {
        Path file = tmp.resolve("cfg/studio.json");
        StudioPrefsStore s = StudioPrefsStore.open(file, Runnable::run);
        assertThat(s.get()).isEqualTo(StudioPrefs.NONE);
        assertThat(s.problem()).isEmpty();
        assertThat(file).doesNotExist();
        s.update(p -> p);
        assertThat(file).as("no change, no write").doesNotExist();
    }

    @Test
    void roundTripsEveryFieldAndCoalescesABurstOfChangesIntoOneWrite() throws Exception {
        Path file = tmp.resolve("studio.json");
        Queued writer = new Queued();
        StudioPrefsStore s = StudioPrefsStore.open(file, writer);
        for (String t : new String[] {"p", "pi", "pic", "pick up the mug"}) {
            s.update(p -> p.withTask(t));
        }
        s.update(p -> p.withWorkspace("COLLECT").withPolicy("/m/p.json").withPauseOnFailure(false)
                .withDataset("/d/set").withWindow(new StudioPrefs.Window(10, 20, 1200, 800, true)));
        assertThat(writer.tasks).as("one write queued for five changes").hasSize(1);
        writer.runAll();
        StudioPrefs back = StudioPrefsStore.open(file, writer).get();
        assertThat(back).isEqualTo(new StudioPrefs(new StudioPrefs.Window(10, 20, 1200, 800, true), "COLLECT",
                "pick up the mug", "/m/p.json", false, "/d/set"));
        s.update(p -> p.withTask("again"));
        assertThat(writer.tasks).as("the next change schedules again").hasSize(1);
    }

    @Test
    void unknownKeysFromANewerStudioAreIgnored() throws Exception {
        Path file = tmp.resolve("studio.json");
        Files.writeString(file, "{\"task\":\"pour\",\"theme\":\"light\",\"window\":{\"x\":1,\"y\":2,\"width\":900,"
                + "\"height\":700,\"maximized\":false,\"screen\":2}}");
        StudioPrefsStore s = StudioPrefsStore.open(file, Runnable::run);
        assertThat(s.problem()).isEmpty();
        assertThat(s.get().task()).isEqualTo("pour");
        assertThat(s.get().window().width()).isEqualTo(900);
    }

    @Test
    void aBrokenFileIsMovedAsideNotLostAndNamedInOneLine() throws Exception {
        Path file = tmp.resolve("studio.json");
        Files.writeString(file, "[1, 2");
        StudioPrefsStore s = StudioPrefsStore.open(file, Runnable::run);
        assertThat(s.get()).isEqualTo(StudioPrefs.NONE);
        assertThat(s.problem()).startsWith(file.toString()).contains("kept as studio.json.bad").doesNotContain("\n");
        assertThat(Files.readString(tmp.resolve("studio.json.bad"))).isEqualTo("[1, 2");
        s.update(p -> p.withTask("fresh"));
        assertThat(Files.readString(file)).contains("\"task\" : \"fresh\"");
    }

    @Test
    void aFailingWriteIsReportedNotThrown() throws Exception {
        Path dir = tmp.resolve("cfg");
        StudioPrefsStore s = StudioPrefsStore.open(dir.resolve("studio.json"), Runnable::run);
        Files.writeString(dir, "the folder became a file");
        s.update(p -> p.withTask("lost?"));
        assertThat(s.writeProblem()).startsWith(dir.resolve("studio.json").toString())
                .contains("cannot save preferences").doesNotContain("\n");
        assertThat(s.get().task()).as("kept in memory").isEqualTo("lost?");
    }

    @Test
    void anUnreadableFileIsNamedAndNeverOverwritten() throws Exception {
        Path notADir = tmp.resolve("blocked");
        Files.writeString(notADir, "x");
        StudioPrefsStore s = StudioPrefsStore.open(notADir.resolve("studio.json"), Runnable::run);
        assertThat(s.problem()).startsWith(notADir.resolve("studio.json").toString()).contains("cannot read");
        assertThat(s.file()).isNull();
        s.update(p -> p.withTask("t"));
        assertThat(Files.readString(notADir)).isEqualTo("x");
    }

    @Test
    void inMemoryStoresWriteNothing() {
        StudioPrefsStore s = StudioPrefsStore.inMemory();
        s.update(p -> p.withTask("t"));
        s.flush();
        assertThat(s.file()).isNull();
        assertThat(s.get().task()).isEqualTo("t");
    }

    @Test
    void windowsOffEveryScreenOrTooSmallAreNotRestored() {
        assertThat(WindowPlacement.usable(null)).isFalse();
        assertThat(WindowPlacement.usable(new StudioPrefs.Window(0, 0, 100, 100, false))).isFalse();
        assertThat(WindowPlacement.usable(new StudioPrefs.Window(Double.NaN, 0, 1200, 800, false))).isFalse();
        assertThat(WindowPlacement.usable(new StudioPrefs.Window(-8, -8, 1440, 900, true))).isTrue();
    }
}
