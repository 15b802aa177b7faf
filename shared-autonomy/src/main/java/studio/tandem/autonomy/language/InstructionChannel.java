package studio.tandem.autonomy.language;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current language instruction. A correction typed by the operator (any thread) replaces it
 * from the next control tick on; the loop picks it up with {@link #poll()} and records it.
 */
public final class InstructionChannel {
    private final AtomicReference<String> pending = new AtomicReference<>();
    private volatile String current;
    private volatile long corrections;

    public InstructionChannel(String initial) {
        this.current = requireText(initial, "instruction");
    }

    /** Queues a correction; the latest one before the next tick wins. Any thread. */
    public void correct(String text) {
        pending.set(requireText(text, "correction"));
    }

    /** Control thread: applies a pending correction; true when the instruction changed. Allocation-free. */
    public boolean poll() {
        String next = pending.getAndSet(null);
        if (next == null || next.equals(current)) {
            return false;
        }
        current = next;
        corrections++;
        return true;
    }

    public String current() {
        return current;
    }

    public long corrections() {
        return corrections;
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s.strip();
    }
}
