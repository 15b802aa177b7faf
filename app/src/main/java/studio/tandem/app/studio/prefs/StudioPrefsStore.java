package studio.tandem.app.studio.prefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.config.AtomicText;

/**
 * Keeps {@link StudioPrefs} in a JSON file. Loading never fails the studio: a missing file means
 * defaults; a file that does not parse is moved aside to {@code <name>.bad} (nothing the user wrote
 * is deleted) and reported in one line. Updates are written atomically on the writer executor,
 * coalesced (a burst of keystrokes is one or two writes); {@link #flush()} writes at once (closing).
 * A null file keeps the preferences in memory only (tests, screenshots).
 */
public final class StudioPrefsStore {
    private static final Logger LOG = LoggerFactory.getLogger(StudioPrefsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Executor writer;
    private final String problem;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile StudioPrefs current;
    private volatile String writeProblem = "";

    private StudioPrefsStore(Path file, Executor writer, StudioPrefs loaded, String problem) {
        this.file = file;
        this.writer = writer;
        this.current = loaded;
        this.problem = problem;
    }

    /** Preferences that live only as long as the window (nothing read or written). */
    public static StudioPrefsStore inMemory() {
        return new StudioPrefsStore(null, Runnable::run, StudioPrefs.NONE, "");
    }

    /** Reads {@code file} (absent: defaults); writes go through {@code writer} (a serial executor). */
    public static StudioPrefsStore open(Path file, Executor writer) {
        try {
            return new StudioPrefsStore(file, writer, JSON.readValue(Files.readString(file), StudioPrefs.class), "");
        } catch (NoSuchFileException e) {
            return new StudioPrefsStore(file, writer, StudioPrefs.NONE, "");
        } catch (JsonProcessingException e) {
            String why = file + ": not studio preferences (" + firstLine(e.getOriginalMessage()) + ")";
            Path aside = file.resolveSibling(file.getFileName() + ".bad");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                why += "; kept as " + aside.getFileName() + ", using defaults";
            } catch (IOException moveFailed) {
                why += "; using defaults";
            }
            LOG.warn(why);
            return new StudioPrefsStore(file, writer, StudioPrefs.NONE, why);
        } catch (IOException e) {
            String why = file + ": cannot read (" + e.getMessage() + "); using defaults, not saving";
            LOG.warn(why);
            return new StudioPrefsStore(null, writer, StudioPrefs.NONE, why);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public StudioPrefs get() {
        return current;
    }

    /** Why the file could not be used at start-up, in one line; empty when it could. */
    public String problem() {
        return problem;
    }

    /** Why the last write failed, in one line; empty when it succeeded. */
    public String writeProblem() {
        return writeProblem;
    }

    /** Where the preferences are kept, or null in memory. */
    public Path file() {
        return file;
    }

    /** Changes the preferences and schedules a write. Any thread. */
    public synchronized void update(UnaryOperator<StudioPrefs> change) {
        StudioPrefs next = change.apply(current);
        if (next.equals(current)) {
            return;
        }
        current = next;
        if (file != null && scheduled.compareAndSet(false, true)) {
            writer.execute(() -> {
                scheduled.set(false);
                write();
            });
        }
    }

    /** Writes the current preferences now (the window is closing). */
    public void flush() {
        if (file != null) {
            write();
        }
    }

    private synchronized void write() {
        try {
            AtomicText.write(file, JSON.writeValueAsString(current) + "\n");
            writeProblem = "";
        } catch (IOException e) {
            if (writeProblem.isEmpty()) {
                LOG.warn("cannot save studio preferences to {}: {}", file, e.getMessage());
            }
            writeProblem = file + ": cannot save preferences (" + e.getMessage() + ")";
        }
    }
}
