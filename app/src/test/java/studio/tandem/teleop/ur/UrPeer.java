package studio.tandem.teleop.ur;

import java.io.IOException;

/**
 * The teleop tests' RTDE controller peer ({@code FakeUrController}: RTDE v2 on loopback, a script port
 * running the uploaded servo program) opened up for the app's session tests.
 */
public final class UrPeer implements AutoCloseable {
    private final FakeUrController robot;

    /** @param hz the data package rate the peer streams at */
    public UrPeer(int hz) throws IOException {
        robot = new FakeUrController(hz);
    }

    public int rtdePort() {
        return robot.rtdeServer.getLocalPort();
    }

    public int scriptPort() {
        return robot.scriptServer.getLocalPort();
    }

    /** The robot's measured joints (rad): the last servoj target while the servo program runs. */
    public double[] joints() {
        return robot.q.clone();
    }

    /** The last target the robot received in an RTDE input package. */
    public double[] lastTarget() {
        return robot.lastTarget.clone();
    }

    /** Whether the uploaded servo program runs (the arm was activated). */
    public boolean servoing() {
        return robot.programRunning;
    }

    @Override
    public void close() throws IOException {
        robot.close();
    }
}
