package studio.tandem.app.studio.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.recorder.episode.DatasetSink;
import studio.tandem.recorder.episode.EpisodeData;
import studio.tandem.recorder.episode.Outcome;

/**
 * Holds stopped episodes until the operator decides: the session's dataset sink, in front of the real
 * one. The recorder ends an episode at {@code Recorder.stop()} and saves it in the background; an
 * episode stopped with a {@link Ticket} waits here, assembled, its staged files still in the dataset's
 * staging folder (so a crash while it waits recovers it), until the ticket is decided: saved as a
 * success, a failure, with the label it has, or discarded (nothing of it is appended; the recorder
 * deletes its staged files). An episode that arrives with no ticket queued (recovered from staging
 * when the recorder opens, stopped by the recorder's own disk guard, or by closing) is handed on at
 * once. Tickets pair with episodes in stopping order (the recorder saves one at a time, in order), so
 * take the ticket just before {@code Recorder.stop()}, only while the recorder is recording.
 * {@link #close()} saves every episode still waiting with the label it has.
 *
 * <p>{@link #expect()} and {@link Ticket#decide} from any thread (the studio's recorder worker);
 * {@link #appendEpisode} on the recorder's saver thread, which waits there.
 */
public final class EpisodeHold implements DatasetSink, AutoCloseable {
    /** {@link #appendEpisode}'s answer for a discarded episode: no index, nothing appended. */
    public static final int DISCARDED = DatasetSink.DECLINED;

    private static final Logger LOG = LoggerFactory.getLogger(EpisodeHold.class);

    /** What becomes of a held episode. */
    public enum Decision {
        /** Saved labelled a success. */
        SUCCESS,
        /** Saved labelled a failure. */
        FAILURE,
        /** Saved with the label it has (unlabelled unless labelled while recording). */
        KEEP_LABEL,
        /** Not saved. */
        DISCARD
    }

    /** The decision slot of one stopped episode, taken in stopping order. */
    public final class Ticket {
        private Decision decision;

        /** Decides this episode (the first decision counts). Any thread. */
        public void decide(Decision d) {
            synchronized (EpisodeHold.this) {
                if (decision == null) {
                    decision = d;
                    EpisodeHold.this.notifyAll();
                }
            }
        }
    }

    private final DatasetSink target;
    private final Deque<Ticket> tickets = new ArrayDeque<>();
    private boolean closed;
    private int waiting;

    public EpisodeHold(DatasetSink target) {
        this.target = target;
    }

    /**
     * The ticket of the next episode stopped: call just before {@code Recorder.stop()}; the episode waits
     * for {@link Ticket#decide}. Any thread.
     */
    public synchronized Ticket expect() {
        Ticket t = new Ticket();
        tickets.addLast(t);
        return t;
    }

    /** Saver thread: waits for the episode's decision (if it has a ticket), then appends it (or not). */
    @Override
    public int appendEpisode(EpisodeData episode) throws IOException {
        Decision d = await();
        if (d == Decision.DISCARD) {
            LOG.info("held episode ({} rows) discarded by the operator; not appended", episode.length());
            return DISCARDED;
        }
        return target.appendEpisode(labelled(episode, d));
    }

    private synchronized Decision await() throws IOException {
        waiting++;
        try {
            while (!closed && !tickets.isEmpty() && tickets.peekFirst().decision == null) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the episode waited for a decision", e);
        } finally {
            waiting--;
        }
        Ticket t = tickets.pollFirst();
        return t == null || t.decision == null ? Decision.KEEP_LABEL : t.decision;
    }

    private static EpisodeData labelled(EpisodeData e, Decision d) {
        Outcome o = switch (d) {
            case SUCCESS -> Outcome.SUCCESS;
            case FAILURE -> Outcome.FAILURE;
            default -> e.outcome();
        };
        return o == e.outcome() ? e : new EpisodeData(e.startNanos(), e.length(), e.fps(), e.info(), o,
                e.taskPerFrame(), e.vectors(), e.videos(), e.intervention(), e.events(), e.imageStats(), e.streams());
    }

    /** Episodes the saver holds here now, waiting for a decision. Any thread. */
    public synchronized int waiting() {
        return waiting;
    }

    @Override
    public void warmUp() throws IOException {
        target.warmUp();
    }

    @Override
    public int episodeCount() {
        return target.episodeCount();
    }

    /** From now on nothing waits: undecided episodes are saved with the label they have. Any thread. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
