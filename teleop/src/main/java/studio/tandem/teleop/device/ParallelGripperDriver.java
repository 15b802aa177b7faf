package studio.tandem.teleop.device;

import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * A real parallel gripper with one joint, {@code gap} (m): the I/O thread writes the latest state as
 * {@code [stamp ns, gap m, driver-specific...]} into {@link #stateSlot()} and sends what it reads from
 * {@link #targetSlot()} (one value, the requested gap). {@link #read} and {@link #send} run on the control
 * thread and allocate nothing. No tactile sensors: tactile and normals read 0.
 */
public abstract class ParallelGripperDriver extends HardwareDriver implements Hand {
    private final HandSpec spec;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot = new SeqLockBuffer(1);
    private final double[] readBuf;
    private final double[] applied = new double[1];
    private long rejected;

    /**
     * @param spec a {@link HandSpec#parallelGripper} spec
     * @param stateSize length of a state sample, at least 2 (stamp, gap)
     */
    protected ParallelGripperDriver(String id, ThreadFactory threads, HandSpec spec, int stateSize) {
        super(id, threads, RobotFeatures.handObservation(id, spec), RobotFeatures.handAction(id, spec));
        this.spec = spec;
        this.stateSlot = new SeqLockBuffer(stateSize);
        this.readBuf = new double[stateSize];
    }

    @Override
    public final HandSpec spec() {
        return spec;
    }

    /** Latest opening (m) into {@code out}; tactile 0. Control thread; allocation-free. */
    @Override
    public final void read(HandState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        out.positions()[0] = readBuf[1];
        Arrays.fill(out.tactile(), 0);
        Arrays.fill(out.normals(), 0);
        out.stamp((long) readBuf[0], seq);
    }

    /** Clamps the opening to the spec's limits (NaN/infinite holds, counted) and hands it to the I/O thread. */
    @Override
    public final void send(HandCommand command, HandCommand appliedOut) {
        life.requireActive();
        double g = command.positions()[0];
        if (Double.isFinite(g)) {
            applied[0] = g;
        } else {
            rejected++;
        }
        spec.limits().clampPositions(applied);
        publishTarget(targetSlot, applied);
        appliedOut.set(applied, command.stampNanos());
    }

    /** Requests rejected as NaN/infinite. */
    public final long rejectedCount() {
        return rejected;
    }

    /** Makes the measured opening the target (so activating does not move the fingers). Application thread. */
    protected final void holdMeasured() {
        stateSlot.read(readBuf);
        applied[0] = readBuf[1];
        publishTarget(targetSlot, applied);
    }

    /** Holds the measured opening. */
    @Override
    protected void prepareActive() throws DeviceException {
        holdMeasured();
    }

    /** Element {@code index} of the latest state sample. Any thread; allocation-free. */
    protected final double latest(int index) {
        life.requireReadable();
        stateSlot.read(readBuf);
        return readBuf[index];
    }

    /** The latest state, written by the I/O side. */
    protected final SeqLockBuffer stateSlot() {
        return stateSlot;
    }

    /** The requested gap, read by the I/O side. */
    protected final SeqLockBuffer targetSlot() {
        return targetSlot;
    }
}
