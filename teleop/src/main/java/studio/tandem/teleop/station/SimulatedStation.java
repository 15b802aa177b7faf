package studio.tandem.teleop.station;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.sim.SimArm;
import studio.tandem.teleop.sim.SimCamera;
import studio.tandem.teleop.sim.SimCameraSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimHand;
import studio.tandem.teleop.sim.SimStation;

/**
 * The built-in simulated station: a UR5e ({@code arm}) with the four-finger hand ({@code hand}) or the
 * parallel gripper ({@code gripper}) over one {@link SimStation} engine.
 *
 * @param station the devices, features and lifecycle
 * @param engine the physics, for manual stepping in tests, scripted operators and cameras
 */
public record SimulatedStation(Station station, SimStation engine) implements AutoCloseable {

    /**
     * Builds the station. With {@code realtime} the physics thread starts at once; otherwise the caller
     * steps {@link #engine()} by hand.
     */
    public static SimulatedStation create(SimConfig config, NanoClock clock, boolean realtime) {
        return create(config, clock, realtime, List.of());
    }

    /**
     * Builds the station with simulated cameras (rendered headless on their own threads once connected;
     * {@link Station#connect()} fails with a one-line reason on a machine without OpenGL).
     */
    public static SimulatedStation create(SimConfig config, NanoClock clock, boolean realtime,
                                          List<SimCameraSpec> cameras) {
        SimStation engine = new SimStation(config, clock);
        String handId = config.hand() == HandSpec.Kind.PARALLEL_GRIPPER ? "gripper" : "hand";
        List<Camera> cams = new ArrayList<>();
        for (SimCameraSpec c : cameras) {
            cams.add(new SimCamera(c, engine));
        }
        Station station = new Station("sim", new SimArm("arm", engine), new SimHand(handId, engine), cams,
                List.of(engine));
        if (realtime) {
            engine.start();
        }
        return new SimulatedStation(station, engine);
    }

    /** The scene and wrist cameras at {@code width}×{@code height}, 30 fps. */
    public static List<SimCameraSpec> defaultCameras(int width, int height) {
        return List.of(SimCameraSpec.scene(width, height, 30), SimCameraSpec.wrist(width, height, 30));
    }

    public SimArm arm() {
        return (SimArm) station.arm();
    }

    public SimHand hand() {
        return (SimHand) station.hand().orElseThrow();
    }

    @Override
    public void close() {
        station.close();
    }
}
