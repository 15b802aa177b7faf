package studio.tandem.autonomy.safety;

/** Tool-centre-point position of an arm configuration; allocation-free, control thread. */
@FunctionalInterface
public interface ForwardPosition {

    /**
     * @param armJoints joint positions in radians
     * @param outXyz receives the TCP position in metres, in the robot base frame
     */
    void tcpPosition(double[] armJoints, double[] outXyz);
}
