package studio.tandem.teleop.robotiq;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import studio.tandem.teleop.serial.ByteStream;

/**
 * A Modbus RTU slave behaving like a Robotiq 2F gripper: output registers 1000–1002 (rACT/rGTO, rPR,
 * rSP/rFR), input registers 2000–2002. Activation completes a few status reads after rACT rises; the fingers
 * reach the request at once unless an object sits at {@link #objectAt}, where they stop (gOBJ = 2).
 */
final class FakeRobotiqSlave implements Runnable {
    private final ByteStream link;
    private final int slave;
    private final byte[] in = new byte[256];
    private final byte[] out = new byte[256];
    final int[] output = new int[3];
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    volatile int objectAt = -1;
    volatile int fault;
    volatile boolean silent;
    volatile int corruptNext;
    volatile int exceptionNext;
    private volatile boolean running = true;
    private int gSta;
    private int gAct;
    private int activationCountdown;
    private int position = 0;
    private int gObj = 3;

    FakeRobotiqSlave(ByteStream link, int slave) {
        this.link = link;
        this.slave = slave;
    }

    void stop() {
        running = false;
    }

    synchronized int position() {
        return position;
    }

    @Override
    public void run() {
        while (running) {
            try {
                serveOne();
            } catch (IOException e) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void serveOne() throws IOException {
        if (link.readFully(in, 0, 2, System.nanoTime() + 50_000_000L) < 2) {
            return;
        }
        int fc = in[1] & 0xFF;
        int len;
        if (fc == ModbusRtu.WRITE_MULTIPLE) {
            link.readFully(in, 2, 5, System.nanoTime() + 50_000_000L);
            len = 7 + (in[6] & 0xFF) + 2;
            link.readFully(in, 7, len - 7, System.nanoTime() + 50_000_000L);
        } else if (fc == ModbusRtu.READ_INPUT) {
            len = 8;
            link.readFully(in, 2, 6, System.nanoTime() + 50_000_000L);
        } else {
            link.discardInput();
            return;
        }
        int crc = (in[len - 2] & 0xFF) | (in[len - 1] & 0xFF) << 8;
        if ((in[0] & 0xFF) != slave || crc != ModbusRtu.crc(in, 0, len - 2) || silent) {
            return;
        }
        if (exceptionNext > 0) {
            exceptionNext--;
            out[0] = (byte) slave;
            out[1] = (byte) (fc | 0x80);
            out[2] = 2;
            send(ModbusRtu.seal(out, 3));
            return;
        }
        int n = fc == ModbusRtu.WRITE_MULTIPLE ? handleWrite() : handleRead();
        send(n);
    }

    private synchronized int handleWrite() {
        int addr = ModbusRtu.u16(in, 2);
        int qty = ModbusRtu.u16(in, 4);
        for (int i = 0; i < qty && addr - 1000 + i < 3; i++) {
            output[addr - 1000 + i] = ModbusRtu.u16(in, 7 + 2 * i);
        }
        int act = output[0] >>> 8;
        if ((act & 1) == 0) {
            gAct = 0;
            gSta = 0;
        } else if (gAct == 0) {
            gAct = 1;
            gSta = 1;
            activationCountdown = 3;
        }
        writes.incrementAndGet();
        System.arraycopy(in, 0, out, 0, 6);
        return ModbusRtu.seal(out, 6);
    }

    private synchronized int handleRead() {
        reads.incrementAndGet();
        if (gSta == 1 && --activationCountdown <= 0) {
            gSta = 3;
        }
        int act = output[0] >>> 8;
        int gGto = (act >>> 3) & 1;
        if (gSta == 3 && gGto == 1) {
            int req = output[1] & 0xFF;
            if (objectAt >= 0 && req > objectAt && position <= objectAt) {
                position = objectAt;
                gObj = 2;
            } else {
                position = req;
                gObj = 3;
            }
        }
        int status = gAct | gGto << 3 | gSta << 4 | gObj << 6;
        out[0] = (byte) slave;
        out[1] = ModbusRtu.READ_INPUT;
        out[2] = 6;
        out[3] = (byte) status;
        out[4] = 0;
        out[5] = (byte) fault;
        out[6] = (byte) output[1];
        out[7] = (byte) position;
        out[8] = 23;
        return ModbusRtu.seal(out, 9);
    }

    private void send(int n) throws IOException {
        if (corruptNext > 0) {
            corruptNext--;
            out[n - 1] ^= 0x11;
        }
        link.write(out, 0, n);
    }
}
