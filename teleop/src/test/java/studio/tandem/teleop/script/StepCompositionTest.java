package studio.tandem.teleop.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepCompositionTest {

    /** A step that is done after n ticks and logs its lifecycle. */
    private static final class Counting implements Step {
        final String name;
        final int ticks;
        final List<String> log;
        int done;

        Counting(String name, int ticks, List<String> log) {
            this.name = name;
            this.ticks = ticks;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(long now) {
            done = 0;
            log.add(name + ".start@" + now);
        }

        @Override
        public void step(long now) {
            done++;
        }

        @Override
        public boolean isDone() {
            return done >= ticks;
        }

        @Override
        public void end(boolean interrupted) {
            log.add(name + ".end" + (interrupted ? "!" : ""));
        }
    }

    @Test
    void sequenceRunsStepsInOrderAndStartsTheNextOnTheSameTick() {
        List<String> log = new ArrayList<>();
        Sequence seq = new Counting("a", 2, log).then(new Counting("b", 1, log));
        seq.start(0);
        for (long t = 1; !seq.isDone(); t++) {
            seq.step(t);
        }
        seq.end(false);
        assertThat(log).containsExactly("a.start@0", "a.end", "b.start@2", "b.end");
    }

    @Test
    void timeoutInterruptsAStepThatNeverFinishes() {
        List<String> log = new ArrayList<>();
        Timeout t = new Counting("slow", 1_000, log).withTimeout(50);
        t.start(0);
        long now = 0;
        while (!t.isDone()) {
            now += 10;
            t.step(now);
        }
        t.end(false);
        assertThat(t.timedOut()).isTrue();
        assertThat(now).isEqualTo(50);
        assertThat(log).containsExactly("slow.start@0", "slow.end!");
    }

    @Test
    void endingASequenceEarlyInterruptsTheRunningStep() {
        List<String> log = new ArrayList<>();
        Sequence seq = new Sequence("s", new Counting("a", 5, log), new Counting("b", 5, log));
        seq.start(0);
        seq.step(1);
        assertThat(seq.currentName()).isEqualTo("a");
        seq.end(true);
        assertThat(log).containsExactly("a.start@0", "a.end!");
    }
}
