package studio.tandem.app.studio.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.ros.RosbridgePeer;
import studio.tandem.teleop.spacemouse.SpacenavPeer;
import studio.tandem.teleop.ur.UrPeer;
import studio.tandem.teleop.ur.UrRtdeArm;

/**
 * The studio session on a non-simulated station: a UR arm over RTDE and a gripper over rosbridge,
 * both real drivers built from a station file against the drivers' protocol peers on loopback, with a
 * SpaceMouse chosen in {@code devices:} that is absent at first. The keyboard drives the arm through
 * the loop and its safety filter; the 3D model follows the joint state without any simulation; the
 * station panel lists every device, the missing SpaceMouse with its reason; plugging the daemon in
 * hands the arm to the SpaceMouse.
 */
class RealStationSessionTest {
    @TempDir
    Path dir;
    private UrPeer robot;
    private RosbridgePeer bridge;
    private StationSession session;
    private Path socket;

    @BeforeEach
    void setUp() throws Exception {
        robot = new UrPeer(125);
        bridge = new RosbridgePeer("/right");
        socket = dir.resolve("spnav.sock");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        bridge.close();
        robot.close();
    }

    private StationConfig config() throws Exception {
        String yaml = """
                name: UR bench
                arm: {type: ur-rtde, host: 127.0.0.1, rtde_port: %d, script_port: %d, frequency: 125,
                      fault_after_ms: 5000, watchdog_ms: 1000}
                gripper: {type: ros-gripper, url: %s, namespace: /right, fault_after_ms: 3000}
                devices:
                  - {type: spacemouse, options: "socket=%s hid=false"}
                  - keyboard
                """.formatted(robot.rtdePort(), robot.scriptPort(), bridge.url(), socket);
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, yaml);
        return StationConfigFile.load(file);
    }

    private StationSession start() throws Exception {
        session = StationSession.start(SessionSettings.defaults(dir.resolve("sim-station")).withCameras(false),
                NanoClock.SYSTEM, config());
        return session;
    }

    @Test
    void keyboardDrivesTheRealArmThroughTheSafetyFilterAndThe3dModelFollows() throws Exception {
        StationSession s = start();
        assertThat(s.simulated()).isFalse();
        assertThat(s.sim()).isNull();
        assertThat(s.station().arm()).isInstanceOf(UrRtdeArm.class);
        assertThat(s.settings().dataset()).isEqualTo(dir.resolve("ur-bench"));
        waitFor(robot::servoing, "the servo program runs");
        waitFor(() -> s.loop().ticks().lastSequence() > 20, "the loop ticks");
        double z0 = tcpZ(robot.joints());

        s.operator().device().keyDown("R");
        Thread.sleep(600);
        s.operator().device().keyUp("R");
        waitFor(() -> tcpZ(robot.joints()) - z0 > 0.02, "R raises the UR's TCP (0.1 m/s)");
        assertThat(s.operator().primaryDriving()).as("the SpaceMouse is absent: the keyboard drives").isFalse();
        Tick t = settledTick(s);
        double[] q = robot.joints();
        for (int i = 0; i < 6; i++) {
            assertThat(t.executed()[i]).as("what the loop sent after safety is what the robot got")
                    .isCloseTo(q[i], offset(1e-3));
        }

        RobotPoseModel model = new RobotPoseModel(s.station().arm().chain(), new LoopJoints(s));
        assertThat(model.update()).isTrue();
        Vector3d drawn = model.frame(6).getTranslation(new Vector3d());
        Vector3d real = new ForwardKinematics(s.station().arm().chain()).tcp(robot.joints(), new Matrix4d())
                .getTranslation(new Vector3d());
        assertThat(drawn.distance(real)).as("3D model's TCP vs the UR's").isLessThan(0.005);
        assertThat(model.update()).as("nothing moved: no recompute").isFalse();

        bridge.close();
        waitFor(() -> s.station().hand().orElseThrow().state() == DeviceState.FAULT, "the gripper faults");
        long seq = s.loop().ticks().lastSequence();
        double z1 = tcpZ(robot.joints());
        s.operator().device().keyDown("R");
        Thread.sleep(400);
        s.operator().device().keyUp("R");
        waitFor(() -> tcpZ(robot.joints()) - z1 > 0.01, "the loop goes on without the gripper: R still moves the arm");
        assertThat(s.loop().ticks().lastSequence()).isGreaterThan(seq + 10);
        assertThat(s.faultHeldTicks()).as("skipped gripper reads and commands are counted").isPositive();
        StationMonitor monitor = new StationMonitor();
        List<DeviceStatus> lines = monitor.sample(s, 0);
        assertThat(line(lines, "hand").connected()).isFalse();
        assertThat(line(lines, "hand").health()).isNotEqualTo("ok").doesNotContain("\n");
        assertThat(line(lines, "control loop").health()).contains("held (FAULT)");

        double zAtStop = tcpZ(robot.joints());
        s.eStop();
        // The arm may still be following the last target when e-stop is pressed: it latches at the loop's next
        // tick and reaches the UR with the next RTDE packet. Take the held pose once that has happened.
        Thread.sleep(150);
        double[] held = robot.joints();
        assertThat(Math.abs(tcpZ(held) - zAtStop)).as("stopping distance after e-stop (0.1 m/s for a few ticks)")
                .isLessThan(0.005);
        s.operator().device().keyDown("R");
        Thread.sleep(400);
        s.operator().device().keyUp("R");
        assertThat(tcpZ(robot.joints())).as("e-stop: the safety filter holds the arm").isCloseTo(tcpZ(held),
                offset(1e-3));
    }

    @Test
    void missingSpaceMouseIsShownWithItsReasonAndPluggingItInHandsItTheArm() throws Exception {
        StationSession s = start();
        waitFor(() -> s.loop().ticks().lastSequence() > 20, "the loop ticks");
        StationMonitor monitor = new StationMonitor();
        monitor.sample(s, 0);
        List<DeviceStatus> lines = monitor.sample(s, 1_000_000_000L);
        assertThat(lines).extracting(DeviceStatus::name).contains("arm", "hand", "keyboard", "spacemouse",
                "control loop");
        DeviceStatus arm = line(lines, "arm");
        assertThat(arm.kind()).isEqualTo("arm · ur-rtde @ 127.0.0.1");
        assertThat(arm.connected()).isTrue();
        assertThat(arm.rate()).endsWith("Hz state");
        assertThat(line(lines, "hand").connected()).isTrue();
        DeviceStatus mouse = line(lines, "spacemouse");
        assertThat(mouse.connected()).isFalse();
        assertThat(mouse.health()).contains("no spacenavd at " + socket).contains("the keyboard drives")
                .doesNotContain("\n");
        assertThat(line(lines, "keyboard").health()).startsWith("drives");

        try (SpacenavPeer daemon = new SpacenavPeer(socket)) {
            waitFor(() -> s.operator().primaryDriving(), "the reconnect finds the daemon and the SpaceMouse drives");
            assertThat(line(monitor.sample(s, 2_000_000_000L), "spacemouse").health()).startsWith("drives");
            double z0 = tcpZ(robot.joints());
            for (int i = 0; i < 40; i++) {
                daemon.motion(0, 350, 0, 0, 0, 0);
                Thread.sleep(10);
            }
            daemon.motion(0, 0, 0, 0, 0, 0);
            waitFor(() -> tcpZ(robot.joints()) - z0 > 0.02, "pushing the cap up raises the TCP");
        }
    }

    private static DeviceStatus line(List<DeviceStatus> lines, String name) {
        return lines.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /** The newest tick once the robot has caught up with it (the UR applies servoj targets at once). */
    private Tick settledTick(StationSession s) throws InterruptedException {
        Thread.sleep(300);
        return s.loop().ticks().latest();
    }

    private double tcpZ(double[] q) {
        return new ForwardKinematics(session.station().arm().chain()).tcp(q, new Matrix4d()).m32();
    }

    static void waitFor(BooleanSupplier ok, String what) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
