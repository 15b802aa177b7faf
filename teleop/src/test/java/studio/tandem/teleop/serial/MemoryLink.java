package studio.tandem.teleop.serial;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Two connected in-memory byte streams (host and device side) for protocol tests; {@link #unplug()} breaks both. */
public final class MemoryLink {
    private final Pipe toDevice = new Pipe();
    private final Pipe toHost = new Pipe();
    private volatile boolean unplugged;
    private final End host = new End("mem-host", toHost, toDevice);
    private final End device = new End("mem-device", toDevice, toHost);

    public ByteStream host() {
        return host;
    }

    public ByteStream device() {
        return device;
    }

    /** Both ends fail from now on, like a USB adapter pulled out. */
    public void unplug() {
        unplugged = true;
        toDevice.wake();
        toHost.wake();
    }

    /** The adapter is back. */
    public void replug() {
        unplugged = false;
    }

    /** An opener that hands out the host end for any port, counting opens. */
    public SerialOpener opener() {
        return (dev, baud) -> {
            if (unplugged) {
                throw new IOException("serial port " + dev + ": no such port");
            }
            host.closed = false;
            toHost.clear();
            return host;
        };
    }

    private static final class Pipe {
        private final byte[] ring = new byte[1 << 16];
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition data = lock.newCondition();
        private long head;
        private long tail;

        void put(byte[] b, int off, int len) {
            lock.lock();
            try {
                for (int i = 0; i < len; i++) {
                    ring[(int) (tail++ & (ring.length - 1))] = b[off + i];
                }
                data.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int take(byte[] b, int off, int len, long timeoutNanos, MemoryLink link, End end) throws IOException {
            lock.lock();
            try {
                long left = timeoutNanos;
                while (head == tail) {
                    end.check(link);
                    if (left <= 0) {
                        return 0;
                    }
                    left = data.awaitNanos(left);
                }
                int n = 0;
                while (n < len && head < tail) {
                    b[off + n++] = ring[(int) (head++ & (ring.length - 1))];
                }
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        void clear() {
            lock.lock();
            try {
                head = tail;
            } finally {
                lock.unlock();
            }
        }

        void wake() {
            lock.lock();
            try {
                data.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private final class End implements ByteStream {
        private final String name;
        private final Pipe in;
        private final Pipe out;
        private volatile boolean closed;

        End(String name, Pipe in, Pipe out) {
            this.name = name;
            this.in = in;
            this.out = out;
        }

        void check(MemoryLink link) throws IOException {
            if (link.unplugged) {
                throw new IOException(name + ": device unplugged");
            }
            if (closed) {
                throw new IOException(name + ": closed");
            }
        }

        @Override
        public int read(byte[] buf, int off, int len, long timeoutNanos) throws IOException {
            check(MemoryLink.this);
            return in.take(buf, off, len, Math.min(timeoutNanos, TimeUnit.SECONDS.toNanos(5)), MemoryLink.this, this);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            check(MemoryLink.this);
            out.put(buf, off, len);
        }

        @Override
        public void discardInput() throws IOException {
            check(MemoryLink.this);
            in.clear();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            closed = true;
            in.wake();
        }
    }
}
