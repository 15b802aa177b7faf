package studio.tandem.autonomy.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Raises the OS scheduling class of the calling thread on Linux, best effort: first real-time
 * {@code SCHED_FIFO} (via {@code chrt}), else a negative nice value (via {@code renice}), else it
 * stays as it is. Java thread priorities have no effect on Linux without special JVM flags, and a
 * normally scheduled loop thread waits milliseconds for a core while encoders run on a loaded
 * machine. Both commands need privilege (root or {@code CAP_SYS_NICE}); the outcome is returned,
 * never hidden. Called once, from the thread to raise, before it starts its work; it starts
 * processes and allocates, so never from a hot path.
 */
public final class ThreadScheduling {
    private ThreadScheduling() {
    }

    /**
     * What {@link #raiseCurrentThread} achieved.
     *
     * @param policy "SCHED_FIFO", "nice" or "normal"
     * @param level the FIFO priority (1..99) or the nice value (-20..19); 0 for "normal"
     * @param detail for "normal": why the raise failed; else the thread id
     */
    public record Outcome(String policy, int level, String detail) {
        /** True when the thread runs above normal scheduling. */
        public boolean raised() {
            return !"normal".equals(policy);
        }

        @Override
        public String toString() {
            return raised() ? policy + " " + level : "normal (" + detail + ")";
        }
    }

    /**
     * Raises the calling thread: {@code SCHED_FIFO} at {@code fifoPriority}, else nice {@code nice}.
     *
     * @param fifoPriority 1..99; keep it low (e.g. 10) so kernel threads still preempt it
     * @param nice -20..-1
     */
    public static Outcome raiseCurrentThread(int fifoPriority, int nice) {
        if (fifoPriority < 1 || fifoPriority > 99) {
            throw new IllegalArgumentException("fifoPriority must be 1..99, was " + fifoPriority);
        }
        if (nice < -20 || nice > -1) {
            throw new IllegalArgumentException("nice must be -20..-1, was " + nice);
        }
        String tid;
        try {
            tid = currentTid();
        } catch (IOException | RuntimeException e) {
            return new Outcome("normal", 0, "no Linux thread id: " + e.getMessage());
        }
        String fifo = run(List.of("chrt", "-f", "-p", Integer.toString(fifoPriority), tid));
        if (fifo == null) {
            return new Outcome("SCHED_FIFO", fifoPriority, "tid " + tid);
        }
        String renice = run(List.of("renice", "-n", Integer.toString(nice), "-p", tid));
        if (renice == null) {
            return new Outcome("nice", nice, "tid " + tid);
        }
        return new Outcome("normal", 0, "chrt: " + fifo + "; renice: " + renice);
    }

    /** The kernel's id of the calling thread, from {@code /proc/thread-self} ("pid/task/tid"). */
    static String currentTid() throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        String tid = link.substring(link.lastIndexOf('/') + 1);
        if (tid.isEmpty() || !tid.chars().allMatch(Character::isDigit)) {
            throw new IOException("unexpected /proc/thread-self link " + link);
        }
        return tid;
    }

    /** Runs a command; null on success, else a one-line reason. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return command.get(0) + " timed out";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() == 0) {
                return null;
            }
            int nl = out.indexOf('\n');
            return "exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + (nl < 0 ? out : out.substring(0, nl)));
        } catch (IOException e) {
            return "cannot run " + command.get(0) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
