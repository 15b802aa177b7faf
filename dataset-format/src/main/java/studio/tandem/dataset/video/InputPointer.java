package studio.tandem.dataset.video;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A native pointer that is re-aimed at the caller's direct frame buffers, so the encoder reads a
 * camera's frame in place instead of copying 921 KB (640×480 RGB24) into its own input frame.
 * The native address of each direct buffer seen is remembered (up to {@link #SLOTS} buffers, e.g.
 * every slot of a camera's frame ring); a buffer seen before costs no allocation, a new one costs one
 * JavaCPP {@link Pointer} to learn its address. The remembered buffers are strongly referenced, so
 * their memory stays valid while this object may point into it.
 *
 * <p>Threading: belongs to the encoder's thread, like {@link VideoEncoder}.
 */
final class InputPointer extends BytePointer {

    /** Distinct buffers remembered; more than any frame ring in use, so steady state never allocates. */
    static final int SLOTS = 64;

    private final ByteBuffer[] buffers = new ByteBuffer[SLOTS];
    private final long[] addresses = new long[SLOTS];
    private int used;
    private int nextVictim;
    private long misses;

    /**
     * Aims this pointer at {@code frameBytes} bytes of {@code direct} from its position.
     *
     * @param direct a direct, readable buffer with at least {@code frameBytes} remaining
     */
    InputPointer aim(ByteBuffer direct, int frameBytes) {
        long base = addressOf(direct);
        this.address = base + direct.position();
        this.position = 0;
        this.limit = frameBytes;
        this.capacity = frameBytes;
        return this;
    }

    /** Buffers whose address had to be looked up (each allocated once); for tests and stats. */
    long misses() {
        return misses;
    }

    private long addressOf(ByteBuffer b) {
        for (int i = 0; i < used; i++) {
            if (buffers[i] == b) {
                return addresses[i];
            }
        }
        misses++;
        long a = new Pointer(b).position(0).address();
        int slot = used < SLOTS ? used++ : nextVictim++ % SLOTS;
        buffers[slot] = b;
        addresses[slot] = a;
        return a;
    }

    /** Forgets every buffer (the pointer no longer points anywhere). */
    void forget() {
        java.util.Arrays.fill(buffers, null);
        used = 0;
        this.address = 0;
    }
}
