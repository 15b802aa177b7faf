package studio.tandem.autonomy.safety;

/**
 * An axis-aligned box in the robot base frame (metres) that the TCP must stay in. Not thread-safe:
 * one instance per control loop (it keeps a scratch vector).
 */
public final class WorkspaceBox implements Workspace {
    private final ForwardPosition kinematics;
    private final double[] min;
    private final double[] max;
    private final double[] xyz = new double[3];

    public WorkspaceBox(ForwardPosition kinematics, double[] minXyz, double[] maxXyz) {
        if (minXyz.length != 3 || maxXyz.length != 3) {
            throw new IllegalArgumentException("workspace box: min and max need 3 coordinates (x, y, z)");
        }
        for (int i = 0; i < 3; i++) {
            if (!(minXyz[i] < maxXyz[i])) {
                throw new IllegalArgumentException("workspace box: min " + minXyz[i] + " >= max " + maxXyz[i]
                        + " on axis " + "xyz".charAt(i));
            }
        }
        this.kinematics = kinematics;
        this.min = minXyz.clone();
        this.max = maxXyz.clone();
    }

    @Override
    public boolean contains(double[] armJoints) {
        kinematics.tcpPosition(armJoints, xyz);
        for (int i = 0; i < 3; i++) {
            if (!(xyz[i] >= min[i] && xyz[i] <= max[i])) {
                return false;
            }
        }
        return true;
    }
}
