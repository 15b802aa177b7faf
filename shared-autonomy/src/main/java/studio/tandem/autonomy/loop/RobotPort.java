package studio.tandem.autonomy.loop;

/**
 * The station as the loop sees it (ros2_control style: read and write only). Both calls run on the
 * control thread, must return quickly and must not allocate.
 */
public interface RobotPort {

    /** Fills the latest measured state (never waits for hardware: latest-value slots). */
    void read(Observation into);

    /** Sends the safety-filtered command: joint targets in radians, arm then hand. */
    void write(double[] command);
}
