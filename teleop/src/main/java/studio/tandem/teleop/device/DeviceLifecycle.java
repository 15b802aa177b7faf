package studio.tandem.teleop.device;

/**
 * The lifecycle state of one real driver (DISCONNECTED → CONNECTED → ACTIVE, FAULT on a lost link), with
 * the reason of the first fault kept for the user. State reads are lock-free (any thread); transitions are
 * made by the driver under its own lock or from its I/O thread.
 */
public final class DeviceLifecycle {
    private final String id;
    private volatile DeviceState state = DeviceState.DISCONNECTED;
    private volatile String faultReason = "";

    public DeviceLifecycle(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device id must not be empty");
        }
        this.id = id;
    }

    public String id() {
        return id;
    }

    public DeviceState state() {
        return state;
    }

    public String faultReason() {
        return faultReason;
    }

    /** Moves to {@code next}; leaving FAULT clears the reason. */
    public synchronized void set(DeviceState next) {
        if (next != DeviceState.FAULT) {
            faultReason = "";
        }
        state = next;
    }

    /**
     * Moves from {@code from} to {@code to} only if the state is still {@code from} (a fault raised meanwhile by
     * an I/O thread is never overwritten). Returns true if the move happened.
     */
    public synchronized boolean transition(DeviceState from, DeviceState to) {
        if (state != from) {
            return false;
        }
        set(to);
        return true;
    }

    /**
     * Enters FAULT with {@code reason} unless already disconnected (a close wins) or already faulted (the
     * first reason is kept). Returns true if this call caused the fault.
     */
    public synchronized boolean fault(String reason) {
        if (state == DeviceState.DISCONNECTED || state == DeviceState.FAULT) {
            return false;
        }
        faultReason = id + ": " + reason;
        state = DeviceState.FAULT;
        return true;
    }

    /** @throws IllegalStateException unless CONNECTED or ACTIVE */
    public void requireReadable() {
        DeviceState s = state;
        if (!s.readable()) {
            throw new IllegalStateException(id + ": not connected (" + s + ")" + suffix());
        }
    }

    /** @throws IllegalStateException unless ACTIVE */
    public void requireActive() {
        DeviceState s = state;
        if (!s.commandable()) {
            throw new IllegalStateException(id + ": commands rejected while " + s + suffix());
        }
    }

    private String suffix() {
        String r = faultReason;
        return r.isEmpty() ? "" : ": " + r;
    }
}
