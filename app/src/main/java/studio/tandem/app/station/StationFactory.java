package studio.tandem.app.station;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.app.config.StationConfig;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.drivers.DriverCatalog;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.sim.SimCameraSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.teleop.station.Station;

/**
 * Builds the {@link Station} a station file describes: the simulated station, or the real drivers
 * of {@link DriverCatalog} with each entry's keys passed on unchanged. Building does no I/O (the
 * caller connects); a bad entry fails with one line naming the key. Any thread.
 */
public final class StationFactory {
    private StationFactory() {
    }

    /**
     * The station of {@code config}. A simulated one starts its physics thread at once
     * ({@code seed} places the objects); a real one stays DISCONNECTED until connected.
     */
    public static Station build(StationConfig config, NanoClock clock, long seed) {
        if (config.arm().type().startsWith("sim_")) {
            return simulated(config, clock, seed).station();
        }
        return real(config, clock);
    }

    /** The simulated station with the configured hand variant and sim cameras. */
    public static SimulatedStation simulated(StationConfig config, NanoClock clock, long seed) {
        if (!config.isSimulated()) {
            throw new IllegalArgumentException("station '" + config.name()
                    + "': a simulated arm takes a simulated hand and sim cameras only");
        }
        SimConfig sim = SimConfig.defaults(seed).withHand(config.hand().type().equals("sim_gripper")
                ? HandSpec.Kind.PARALLEL_GRIPPER : HandSpec.Kind.MULTI_FINGER);
        List<SimCameraSpec> cams = new ArrayList<>();
        for (StationConfig.CameraConfig c : config.cameras()) {
            cams.add(c.name().contains("wrist") ? SimCameraSpec.wrist(c.width(), c.height(), c.fps())
                    : SimCameraSpec.scene(c.width(), c.height(), c.fps()));
        }
        return SimulatedStation.create(sim, clock, true, cams);
    }

    /** Real drivers for arm, hand or gripper and USB cameras. */
    public static Station real(StationConfig config, NanoClock clock) {
        StationConfig.ArmConfig a = config.arm();
        if (a.type().startsWith("sim_")) {
            throw new IllegalArgumentException("arm.type: '" + a.type() + "' is simulated; use build()");
        }
        var arm = DriverCatalog.arm("arm", entry(a.type(), "address", a.address(), a.driver()), clock);
        StationConfig.HandConfig h = config.hand();
        Hand hand = null;
        if (!h.type().equals("none")) {
            if (h.type().startsWith("sim_")) {
                throw new IllegalArgumentException("hand.type: '" + h.type() + "' needs the simulated arm");
            }
            hand = DriverCatalog.hand(h.type().contains("robotiq") ? "gripper" : "hand",
                    entry(h.type(), h.type().startsWith("ros") ? "url" : "port", h.port(), h.driver()), clock);
        }
        List<Camera> cameras = new ArrayList<>();
        for (StationConfig.CameraConfig c : config.cameras()) {
            if (!c.type().equals("usb")) {
                throw new IllegalArgumentException("cameras." + c.name() + ".type: '" + c.type()
                        + "' needs the simulated station");
            }
            Map<String, Object> e = entry(c.type(), "device", c.device(), c.driver());
            e.put("width", c.width());
            e.put("height", c.height());
            e.put("fps", c.fps());
            cameras.add(DriverCatalog.camera(c.name(), e, clock));
        }
        return new Station(config.name(), arm, hand, cameras, List.of());
    }

    private static Map<String, Object> entry(String type, String key, String value, Map<String, Object> driver) {
        Map<String, Object> e = new LinkedHashMap<>(driver);
        e.put("type", type);
        if (!value.isEmpty()) {
            e.put(key, value);
        }
        return e;
    }
}
