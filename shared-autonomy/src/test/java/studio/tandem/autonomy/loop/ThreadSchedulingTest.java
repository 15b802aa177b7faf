package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ThreadSchedulingTest {

    @Test
    void eachThreadHasItsOwnKernelId() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        String mine = ThreadScheduling.currentTid();
        AtomicReference<String> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                other.set(ThreadScheduling.currentTid());
            } catch (java.io.IOException e) {
                other.set(e.toString());
            }
        });
        t.start();
        t.join();
        assertThat(mine).matches("\\d+");
        assertThat(other.get()).matches("\\d+").isNotEqualTo(mine);
        assertThat(Files.exists(Path.of("/proc/self/task/" + mine))).isTrue();
    }

    @Test
    void raisingReportsWhatTheKernelNowSays() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        AtomicReference<ThreadScheduling.Outcome> outcome = new AtomicReference<>();
        AtomicReference<String> stat = new AtomicReference<>();
        Thread t = new Thread(() -> {
            outcome.set(ThreadScheduling.raiseCurrentThread(5, -5));
            try {
                stat.set(Files.readString(Path.of("/proc/thread-self/stat")));
            } catch (java.io.IOException e) {
                stat.set(e.toString());
            }
        });
        t.start();
        t.join();
        ThreadScheduling.Outcome o = outcome.get();
        // /proc/<tid>/stat fields after the command name: policy is field 41, nice field 19 (1-based)
        String[] f = stat.get().substring(stat.get().lastIndexOf(')') + 2).split(" ");
        int nice = Integer.parseInt(f[19 - 3]);
        int policy = Integer.parseInt(f[41 - 3]);
        switch (o.policy()) {
            case "SCHED_FIFO" -> assertThat(policy).isEqualTo(1);
            case "nice" -> assertThat(nice).isEqualTo(-5);
            default -> {
                assertThat(o.raised()).isFalse();
                assertThat(o.detail()).isNotBlank();
                assertThat(policy).isZero();
            }
        }
    }

    @Test
    void rejectsOutOfRangeLevels() {
        assertThatThrownBy(() -> ThreadScheduling.raiseCurrentThread(0, -5)).hasMessageContaining("fifoPriority");
        assertThatThrownBy(() -> ThreadScheduling.raiseCurrentThread(10, 3)).hasMessageContaining("nice");
    }
}
