package studio.tandem.app.studio.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.station.StationFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.teleop.station.Station;

/**
 * Builds, connects and activates the station a session runs: the built-in simulated station (no
 * file), a simulated variant, or real drivers. Simulated cameras that cannot render are dropped with
 * the reason; a real station that does not connect is closed and reported in one line. Worker thread;
 * blocks for the drivers' connect timeouts.
 */
final class StationStarter {
    private static final Logger LOG = LoggerFactory.getLogger(StationStarter.class);

    /**
     * A started station.
     *
     * @param station connected and active
     * @param sim the simulation behind it, or null for real hardware
     * @param cameraProblem why it runs without its cameras, else empty
     * @param settings the session settings, with the dataset this station records into
     */
    record Started(Station station, SimulatedStation sim, String cameraProblem, SessionSettings settings) {
    }

    private StationStarter() {
    }

    static Started start(StationConfig config, SessionSettings settings, NanoClock clock) throws DeviceException {
        if (config.equals(StationConfig.simulated())) {
            return builtIn(settings, clock);
        }
        SessionSettings s = settings.withDataset(datasetFor(config, settings.dataset()));
        if (config.isSimulated()) {
            return simulated(config, s, clock);
        }
        Station station;
        try {
            station = StationFactory.real(config, clock);
        } catch (IllegalArgumentException e) {
            throw new DeviceException("station '" + config.name() + "': " + e.getMessage());
        }
        if (station.hand().isEmpty()) {
            station.close();
            throw new DeviceException("station '" + config.name() + "': hand: none — the studio's loop needs a "
                    + "hand or gripper");
        }
        try {
            station.connect();
            station.activate();
        } catch (DeviceException | RuntimeException e) {
            station.close();
            throw new DeviceException("station '" + config.name() + "' did not connect: " + e.getMessage());
        }
        return new Started(station, null, "", s);
    }

    /** The built-in station with the session's camera size (tests shrink it). */
    private static Started builtIn(SessionSettings settings, NanoClock clock) throws DeviceException {
        SimConfig cfg = SimConfig.defaults(settings.seed());
        String problem = "";
        if (settings.cameras()) {
            SimulatedStation sim = SimulatedStation.create(cfg, clock, true,
                    SimulatedStation.defaultCameras(settings.cameraWidth(), settings.cameraHeight()));
            try {
                return activate(sim, "", settings);
            } catch (DeviceException e) {
                problem = cameraProblem(e);
            }
        }
        return activate(SimulatedStation.create(cfg, clock, true), problem, settings);
    }

    private static Started simulated(StationConfig config, SessionSettings settings, NanoClock clock)
            throws DeviceException {
        String problem = "";
        if (settings.cameras() && !config.cameras().isEmpty()) {
            try {
                return activate(StationFactory.simulated(config, clock, settings.seed()), "", settings);
            } catch (DeviceException e) {
                problem = cameraProblem(e);
            }
        }
        StationConfig bare = new StationConfig(config.name(), config.arm(), config.hand(), List.of(), config.devices());
        return activate(StationFactory.simulated(bare, clock, settings.seed()), problem, settings);
    }

    private static Started activate(SimulatedStation sim, String problem, SessionSettings settings)
            throws DeviceException {
        try {
            sim.station().connect();
            sim.station().activate();
        } catch (DeviceException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return new Started(sim.station(), sim, problem, settings);
    }

    /** The reason to run without cameras; rethrows when the start itself was interrupted (window closing). */
    private static String cameraProblem(DeviceException e) throws DeviceException {
        if (Thread.currentThread().isInterrupted()) {
            throw e;
        }
        LOG.warn("simulated cameras unavailable, running without: {}", e.getMessage());
        return e.getMessage();
    }

    /** A station's own dataset beside the simulated station's (its features differ): {@code <dir>/<name>}. */
    static Path datasetFor(StationConfig config, Path simDataset) {
        String slug = config.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-")
                .replaceAll("^[-.]+|-+$", "");
        return simDataset.resolveSibling(slug.isEmpty() ? "station" : slug);
    }
}
