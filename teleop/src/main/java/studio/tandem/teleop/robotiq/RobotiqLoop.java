package studio.tandem.teleop.robotiq;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.IoLoop;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * The gripper's I/O thread: activation when asked, a position request when the target changes (ACTIVE only),
 * a status read every cycle. Owns the Modbus link; allocates nothing per cycle.
 */
final class RobotiqLoop extends IoLoop {
    private static final int RACT = 0x01;
    private static final int RGTO = 0x08;

    private final Robotiq2FGripper g;
    private final RobotiqConfig cfg;
    private final ModbusRtu modbus;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot;
    private final int[] regs = new int[3];
    private final int[] request = new int[3];
    private final double[] target = new double[1];
    private final double[] state = new double[6];
    private volatile boolean activationRequested;
    private volatile boolean activated;
    private int lastRequestPos = -1;
    private long lastStatusNanos = System.nanoTime();

    RobotiqLoop(Robotiq2FGripper gripper, ModbusRtu modbus, SeqLockBuffer stateSlot, SeqLockBuffer targetSlot) {
        super(gripper.life());
        this.g = gripper;
        this.cfg = gripper.config();
        this.modbus = modbus;
        this.stateSlot = stateSlot;
        this.targetSlot = targetSlot;
    }

    ModbusRtu modbus() {
        return modbus;
    }

    boolean activated() {
        return activated;
    }

    void requestActivation() {
        activationRequested = true;
    }

    @Override
    protected void body() throws IOException {
        runAtRate(cfg.rateHz());
    }

    @Override
    protected void linkFailed(IOException e) {
        fault("serial link " + cfg.port() + " lost (" + e.getMessage() + "); the gripper keeps its last request");
    }

    /** One cycle; false when the loop must end (fault). */
    @Override
    protected boolean cycle() throws IOException {
        if (activationRequested && !activated) {
            return activate();
        }
        if (activated && life.state() == DeviceState.ACTIVE) {
            targetSlot.read(target);
            int pos = (int) Math.round((1 - target[0] / cfg.strokeMeters()) * 255);
            pos = Math.max(0, Math.min(255, pos));
            if (pos != lastRequestPos && writeRequest(RACT | RGTO, pos)) {
                lastRequestPos = pos;
            }
        }
        if (readStatus()) {
            int flt = GripperStatus.gFlt(regs);
            if (GripperStatus.major(flt)) {
                fault("gripper fault 0x" + Integer.toHexString(flt) + ": " + GripperStatus.faultText(flt));
                return false;
            }
        } else if (System.nanoTime() - lastStatusNanos > cfg.faultAfterMs() * 1_000_000L) {
            fault("no valid Modbus reply from slave " + cfg.slaveId() + " on " + cfg.port() + " for more than "
                    + cfg.faultAfterMs() + " ms; the gripper keeps its last request");
            return false;
        }
        return true;
    }

    /** Clears and sets rACT, then waits for gSTA = 3 (activation complete). */
    private boolean activate() throws IOException {
        if (readStatus() && GripperStatus.gAct(regs) == 1 && GripperStatus.gSta(regs) == GripperStatus.ACTIVATED) {
            activated = true;
            return true;
        }
        if (!writeRequest(0, 0) || !writeRequest(RACT, 0)) {
            fault("activation request not acknowledged by slave " + cfg.slaveId() + " on " + cfg.port());
            return false;
        }
        long deadline = System.nanoTime() + cfg.activationTimeoutMs() * 1_000_000L;
        while (running() && System.nanoTime() < deadline) {
            if (readStatus()) {
                if (GripperStatus.gSta(regs) == GripperStatus.ACTIVATED) {
                    activated = true;
                    return true;
                }
                int flt = GripperStatus.gFlt(regs);
                if (GripperStatus.major(flt)) {
                    fault("activation failed, fault 0x" + Integer.toHexString(flt) + ": " + GripperStatus.faultText(flt));
                    return false;
                }
            }
            LockSupport.parkNanos(10_000_000L);
        }
        fault("activation did not complete within " + cfg.activationTimeoutMs() + " ms (gSTA="
                + GripperStatus.gSta(regs) + ", " + GripperStatus.faultText(GripperStatus.gFlt(regs)) + ")");
        return false;
    }

    private boolean writeRequest(int action, int pos) throws IOException {
        request[0] = action << 8;
        request[1] = pos;
        request[2] = cfg.speed() << 8 | cfg.force();
        return modbus.writeRegisters(cfg.slaveId(), Robotiq2FGripper.outAddress(), request, 3);
    }

    /** Reads the three status registers and publishes them; false on no or a bad reply. */
    boolean readStatus() throws IOException {
        if (!modbus.readInputRegisters(cfg.slaveId(), Robotiq2FGripper.inAddress(), 3, regs)) {
            return false;
        }
        state[0] = g.clock().nanoTime();
        state[1] = (1 - GripperStatus.gPo(regs) / 255.0) * cfg.strokeMeters();
        state[2] = GripperStatus.gCu(regs) * 0.01;
        state[3] = GripperStatus.gObj(regs);
        state[4] = GripperStatus.gSta(regs);
        state[5] = GripperStatus.gFlt(regs);
        stateSlot.write(state);
        lastStatusNanos = System.nanoTime();
        return true;
    }

    void stop() {
        stopThread(false, 2000);
        closeLink();
    }

    @Override
    protected void closeLink() {
        modbus.link().close();
    }
}
