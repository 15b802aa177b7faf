package studio.tandem.autonomy.policy;

import java.lang.invoke.VarHandle;

/**
 * The latest observation for the policy thread: written by the control thread every tick without
 * waiting (seqlock), read by the policy thread when it starts an inference.
 */
public final class ObservationSlot {
    private final double[] joints;
    private final double[] tactile;
    private final double[] commanded;
    private long stamp;
    private String instruction = "";
    private volatile long version;

    public ObservationSlot(int joints, int tactile) {
        this.joints = new double[joints];
        this.tactile = new double[tactile];
        this.commanded = new double[joints];
    }

    /** Control thread: publishes the latest values. Allocation-free. */
    public void write(long stampNanos, double[] jointValues, double[] tactileValues, String text) {
        write(stampNanos, jointValues, tactileValues, jointValues, text);
    }

    /**
     * Control thread: publishes the latest values, with the command executed on the previous tick.
     * Allocation-free.
     */
    public void write(long stampNanos, double[] jointValues, double[] tactileValues, double[] commandedValues,
            String text) {
        long v = version;
        version = v + 1;
        VarHandle.storeStoreFence();
        System.arraycopy(jointValues, 0, joints, 0, joints.length);
        System.arraycopy(tactileValues, 0, tactile, 0, tactile.length);
        System.arraycopy(commandedValues, 0, commanded, 0, commanded.length);
        stamp = stampNanos;
        instruction = text;
        version = v + 2;
    }

    /**
     * Policy thread: copies the latest values into {@code dst}.
     *
     * @return the version read (even), or −1 when nothing was written yet
     */
    public long read(Snapshot dst) {
        while (true) {
            long v1 = version;
            if (v1 == 0) {
                return -1;
            }
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(joints, 0, dst.joints, 0, joints.length);
            System.arraycopy(tactile, 0, dst.tactile, 0, tactile.length);
            System.arraycopy(commanded, 0, dst.commanded, 0, commanded.length);
            dst.stampNanos = stamp;
            dst.instruction = instruction;
            VarHandle.loadLoadFence();
            if (version == v1) {
                return v1;
            }
        }
    }

    public Snapshot newSnapshot() {
        return new Snapshot(joints.length, tactile.length);
    }

    /** The policy thread's copy of an observation. */
    public static final class Snapshot {
        final double[] joints;
        final double[] tactile;
        final double[] commanded;
        long stampNanos;
        String instruction = "";

        Snapshot(int j, int t) {
            joints = new double[j];
            tactile = new double[t];
            commanded = new double[j];
        }

        /** The command executed on the tick before the observation (radians, arm then hand). */
        public double[] commanded() {
            return commanded;
        }

        /** Joint positions, radians, arm then hand. */
        public double[] joints() {
            return joints;
        }

        public double[] tactile() {
            return tactile;
        }

        public long stampNanos() {
            return stampNanos;
        }

        public String instruction() {
            return instruction;
        }
    }
}
