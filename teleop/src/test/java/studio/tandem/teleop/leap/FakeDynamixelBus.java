package studio.tandem.teleop.leap;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import studio.tandem.teleop.serial.ByteStream;

/**
 * A protocol-faithful Dynamixel Protocol 2.0 bus of X-series motors on the device end of a byte stream:
 * answers PING, WRITE, SYNC_WRITE and SYNC_READ from a 256-byte control table per motor, in ID order. Goal
 * positions are reached instantly while torque is on. Faults on demand: silent motors, a corrupted CRC,
 * garbage before a reply, a wrong instruction.
 */
final class FakeDynamixelBus implements Runnable {
    private final ByteStream link;
    private final Map<Integer, byte[]> tables = new HashMap<>();
    private final byte[] in = new byte[4096];
    private final byte[] out = new byte[4096];
    final AtomicInteger syncWrites = new AtomicInteger();
    final AtomicInteger syncReads = new AtomicInteger();
    final AtomicInteger badCrcReceived = new AtomicInteger();
    volatile int silentId = -1;
    volatile int writeError;
    volatile int corruptNextReplies;
    volatile int garbageBeforeNextReplies;
    private volatile boolean running = true;

    FakeDynamixelBus(ByteStream link, int... ids) {
        this.link = link;
        for (int id : ids) {
            byte[] t = new byte[256];
            DynamixelPacket.put(t, 0, 2, 1200);
            DynamixelPacket.put(t, ControlTable.GOAL_POSITION, 4, 2048);
            DynamixelPacket.put(t, ControlTable.PRESENT_CURRENT + 6, 4, 2048 + 10 * id);
            tables.put(id, t);
        }
    }

    synchronized int value(int id, int address, int n) {
        byte[] t = tables.get(id);
        int v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (t[address + i] & 0xFF);
        }
        return n == 2 ? (short) v : v;
    }

    synchronized void setPresentPosition(int id, int ticks) {
        DynamixelPacket.put(tables.get(id), ControlTable.PRESENT_CURRENT + 6, 4, ticks);
    }

    synchronized void setPresentCurrent(int id, int raw) {
        DynamixelPacket.put(tables.get(id), ControlTable.PRESENT_CURRENT, 2, raw);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                int len = readPacket();
                if (len > 0) {
                    handle(len);
                }
            } catch (IOException e) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Reads one instruction packet into {@code in} (unstuffed); returns INST+params length, 0 on noise. */
    private int readPacket() throws IOException {
        long deadline = System.nanoTime() + 50_000_000L;
        if (link.readFully(in, 0, 7, deadline) < 7) {
            return 0;
        }
        if ((in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xFF || (in[2] & 0xFF) != 0xFD || in[3] != 0) {
            link.discardInput();
            return 0;
        }
        int length = DynamixelPacket.u16(in, 5);
        if (link.readFully(in, 7, length, System.nanoTime() + 50_000_000L) < length) {
            return 0;
        }
        int crcAt = 7 + length - 2;
        if (DynamixelPacket.u16(in, crcAt) != DynamixelPacket.crc(in, 0, crcAt)) {
            badCrcReceived.incrementAndGet();
            return 0;
        }
        return DynamixelPacket.unstuff(in, 7, length - 2);
    }

    private void handle(int len) throws IOException {
        int id = in[4] & 0xFF;
        int inst = in[7] & 0xFF;
        switch (inst) {
            case DynamixelPacket.PING -> reply(id, new byte[] {(byte) 0xB0, 0x04, 0x2E});
            case DynamixelPacket.WRITE -> {
                int addr = DynamixelPacket.u16(in, 8);
                if (writeError != 0) {
                    reply(id, new byte[0], writeError);
                } else if (poke(id, addr, in, 10, len - 3)) {
                    reply(id, new byte[0]);
                }
            }
            case DynamixelPacket.SYNC_WRITE -> syncWrite(len);
            case DynamixelPacket.SYNC_READ -> syncRead(len);
            default -> { }
        }
    }

    private void syncWrite(int len) {
        int addr = DynamixelPacket.u16(in, 8);
        int n = DynamixelPacket.u16(in, 10);
        for (int p = 12; p + n < 7 + len; p += n + 1) {
            poke(in[p] & 0xFF, addr, in, p + 1, n);
        }
        syncWrites.incrementAndGet();
    }

    private void syncRead(int len) throws IOException {
        int addr = DynamixelPacket.u16(in, 8);
        int n = DynamixelPacket.u16(in, 10);
        syncReads.incrementAndGet();
        for (int p = 12; p < 7 + len; p++) {
            int id = in[p] & 0xFF;
            byte[] data;
            synchronized (this) {
                byte[] t = tables.get(id);
                if (t == null) {
                    continue;
                }
                data = Arrays.copyOfRange(t, addr, addr + n);
            }
            reply(id, data);
        }
    }

    private synchronized boolean poke(int id, int addr, byte[] src, int off, int n) {
        byte[] t = tables.get(id);
        if (t == null) {
            return false;
        }
        System.arraycopy(src, off, t, addr, n);
        if (addr == ControlTable.GOAL_POSITION && t[ControlTable.TORQUE_ENABLE] == 1) {
            System.arraycopy(t, ControlTable.GOAL_POSITION, t, ControlTable.PRESENT_CURRENT + 6, 4);
        }
        return true;
    }

    private void reply(int id, byte[] data) throws IOException {
        reply(id, data, 0);
    }

    private void reply(int id, byte[] data, int error) throws IOException {
        if (id == silentId) {
            return;
        }
        byte[] params = new byte[data.length + 1];
        params[0] = (byte) error;
        System.arraycopy(data, 0, params, 1, data.length);
        int len = DynamixelPacket.encode(id, DynamixelPacket.STATUS, params, 0, params.length, out);
        if (garbageBeforeNextReplies > 0) {
            garbageBeforeNextReplies--;
            link.write(new byte[] {(byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xFF, 0x12}, 0, 5);
        }
        if (corruptNextReplies > 0) {
            corruptNextReplies--;
            out[len - 1] ^= 0x5A;
        }
        link.write(out, 0, len);
    }
}
