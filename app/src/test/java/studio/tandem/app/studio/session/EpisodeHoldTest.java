package studio.tandem.app.studio.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import studio.tandem.app.studio.session.EpisodeHold.Decision;
import studio.tandem.recorder.episode.DatasetSink;
import studio.tandem.recorder.episode.EpisodeData;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.Outcome;

/** The hold in front of the dataset: episodes wait for their ticket's decision, in stopping order. */
class EpisodeHoldTest {
    private final List<EpisodeData> written = new ArrayList<>();
    private final DatasetSink dataset = new DatasetSink() {
        @Override
        public synchronized int appendEpisode(EpisodeData e) {
            written.add(e);
            return written.size() - 1;
        }

        @Override
        public synchronized int episodeCount() {
            return written.size();
        }
    };
    private final EpisodeHold hold = new EpisodeHold(dataset);

    @Test
    void aHeldEpisodeWaitsUntilDecidedAndGetsTheDecidedLabel() throws Exception {
        EpisodeHold.Ticket t = hold.expect();
        CompletableFuture<Integer> saved = CompletableFuture.supplyAsync(() -> append(episode(Outcome.UNLABELED)));
        waitUntilHeld(1);
        assertThat(saved).isNotDone();
        assertThat(written).isEmpty();
        t.decide(Decision.FAILURE);
        t.decide(Decision.SUCCESS);
        assertThat(saved.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(written).extracting(EpisodeData::outcome).containsExactly(Outcome.FAILURE);
    }

    @Test
    void decisionsMadeBeforeTheEpisodeArrivesApplyInStoppingOrder() {
        hold.expect().decide(Decision.DISCARD);
        hold.expect().decide(Decision.KEEP_LABEL);
        hold.expect().decide(Decision.SUCCESS);
        assertThat(append(episode(Outcome.SUCCESS))).isEqualTo(EpisodeHold.DISCARDED);
        assertThat(append(episode(Outcome.FAILURE))).isZero();
        assertThat(append(episode(Outcome.UNLABELED))).isEqualTo(1);
        assertThat(written).extracting(EpisodeData::outcome).containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
    }

    @Test
    void anEpisodeWithoutATicketIsHandedOnAtOnce() throws Exception {
        assertThat(append(episode(Outcome.SUCCESS))).as("recovered from staging at open").isZero();
        EpisodeHold.Ticket t = hold.expect();
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> append(episode(Outcome.UNLABELED)));
        waitUntilHeld(1);
        t.decide(Decision.KEEP_LABEL);
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(append(episode(Outcome.FAILURE))).as("stopped by the recorder itself").isEqualTo(2);
        assertThat(written).extracting(EpisodeData::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.UNLABELED, Outcome.FAILURE);
    }

    @Test
    void closingSavesAnUndecidedEpisodeWithTheLabelItHas() throws Exception {
        hold.expect();
        CompletableFuture<Integer> saved = CompletableFuture.supplyAsync(() -> append(episode(Outcome.UNLABELED)));
        waitUntilHeld(1);
        hold.close();
        assertThat(saved.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(written).extracting(EpisodeData::outcome).containsExactly(Outcome.UNLABELED);
        assertThat(append(episode(Outcome.SUCCESS))).as("after close nothing waits").isEqualTo(1);
        assertThat(hold.episodeCount()).isEqualTo(2);
    }

    private void waitUntilHeld(int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (hold.waiting() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(hold.waiting()).isEqualTo(n);
    }

    private int append(EpisodeData e) {
        try {
            return hold.appendEpisode(e);
        } catch (java.io.IOException x) {
            throw new IllegalStateException(x);
        }
    }

    private static EpisodeData episode(Outcome o) {
        return new EpisodeData(0, 3, 30, new EpisodeInfo("pick up the red cube", "op", ""), o,
                List.of("pick up the red cube", "pick up the red cube", "pick up the red cube"), Map.of(), Map.of(),
                new boolean[3], List.of(), Map.of(), Map.of());
    }
}
