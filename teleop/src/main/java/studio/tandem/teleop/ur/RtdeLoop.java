package studio.tandem.teleop.ur;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.IoLoop;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * The arm's RTDE I/O thread: blocks on the next data package, publishes it as the latest state, and answers
 * each one with an input package carrying the latest command (mode, counter, target), so commands flow at
 * the robot's rate. A stall, a lost connection, a malformed package or a safety stop while ACTIVE ends the
 * loop in FAULT. Allocation-free per package.
 */
final class RtdeLoop extends IoLoop {
    /**
     * State slot layout: stamp, q[6], qd[6], pose[6], robot mode, safety mode, runtime state, heartbeat,
     * controller time, program token.
     */
    static final int SLOT = 1 + 18 + 6;
    static final int SAFETY = 20;
    static final int HEARTBEAT = 22;
    static final int TOKEN = 24;

    private final UrRtdeConfig cfg;
    private final RtdeConnection rtde;
    private final NanoClock clock;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot;
    private final double[] state = new double[SLOT];
    private final double[] target = new double[7];
    private final double[] values = new double[6];
    private volatile boolean servo;
    private volatile int counter;
    private long packages;
    private long malformed;

    RtdeLoop(UrRtdeConfig cfg, RtdeConnection rtde, NanoClock clock, DeviceLifecycle life, SeqLockBuffer stateSlot,
             SeqLockBuffer targetSlot) {
        super(life);
        this.cfg = cfg;
        this.rtde = rtde;
        this.clock = clock;
        this.stateSlot = stateSlot;
        this.targetSlot = targetSlot;
    }

    @Override
    protected void body() throws IOException {
        rtde.streamTimeout(cfg.faultAfterMs());
        while (running()) {
            if (!step()) {
                return;
            }
        }
    }

    @Override
    protected void linkFailed(IOException e) {
        if (e instanceof SocketTimeoutException) {
            fault("no RTDE data from " + rtde.where() + " for " + cfg.faultAfterMs()
                    + " ms; the robot stops through its watchdog");
        } else if (e instanceof EOFException) {
            fault("RTDE connection to " + rtde.where() + " closed by the controller; the robot stops through its "
                    + "watchdog" + lastText());
        } else {
            fault("RTDE connection to " + rtde.where() + " lost (" + e.getMessage() + "); the robot stops through its "
                    + "watchdog" + lastText());
        }
    }

    /** Reads one package; answers data packages. False when the loop must end. */
    boolean step() throws IOException {
        int type = rtde.readPackage();
        if (type != Rtde.DATA_PACKAGE) {
            return true;
        }
        ByteBuffer b = rtde.received();
        if (b.remaining() != Rtde.OUTPUT_PACKAGE_SIZE - Rtde.HEADER || (b.get() & 0xFF) != rtde.outputRecipe()) {
            malformed++;
            fault("malformed RTDE data package from " + rtde.where() + " (" + (b.limit()) + " bytes, expected "
                    + Rtde.OUTPUT_PACKAGE_SIZE + "); stream out of sync");
            return false;
        }
        state[0] = clock.nanoTime();
        state[23] = b.getDouble();
        for (int i = 1; i <= 18; i++) {
            state[i] = b.getDouble();
        }
        state[19] = b.getInt();
        state[SAFETY] = b.getInt();
        state[21] = b.getInt() & 0xFFFFFFFFL;
        state[HEARTBEAT] = b.getInt();
        state[TOKEN] = b.getInt();
        stateSlot.write(state);
        packages++;
        sendCommand();
        int safety = (int) state[SAFETY];
        if (life.state() == DeviceState.ACTIVE && !Rtde.canMove(safety)) {
            fault("the arm is in " + Rtde.safetyMode(safety) + "; clear it on the pendant, then reconnect");
            return false;
        }
        return true;
    }

    private void sendCommand() throws IOException {
        int mode = UrServoScript.MODE_HOLD;
        if (servo) {
            targetSlot.read(target);
            mode = (int) target[0];
            System.arraycopy(target, 1, values, 0, 6);
        }
        counter++;
        rtde.sendInputs(mode, counter, values);
    }

    /** Commands start flowing from the target slot (the servo program is about to run). */
    void enableServo(boolean on) {
        servo = on;
    }

    int counter() {
        return counter;
    }

    long packages() {
        return packages;
    }

    long malformed() {
        return malformed;
    }

    RtdeConnection connection() {
        return rtde;
    }

    void stop() {
        stopThread(true, 1000);
    }

    private String lastText() {
        String t = rtde.lastText();
        return t.isEmpty() ? "" : " (last controller message: " + t + ")";
    }

    @Override
    protected void closeLink() {
        rtde.close();
    }
}
