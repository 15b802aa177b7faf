package studio.tandem.teleop.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.Hand;

/**
 * A robot station: one arm, an optional hand or gripper, and cameras, with their features merged into
 * one declaration (a name declared twice is an error naming it). Lifecycle calls fan out to every
 * device; {@link #close()} closes the devices, then the resources the station owns (e.g. the simulation
 * engine). Lifecycle methods are called from the application thread, not the control loop.
 */
public final class Station implements AutoCloseable {
    private final String name;
    private final Arm arm;
    private final Hand hand;
    private final List<Camera> cameras;
    private final List<AutoCloseable> owned;
    private final FeatureSet observation;
    private final FeatureSet action;

    public Station(String name, Arm arm, Hand hand, List<Camera> cameras, List<AutoCloseable> owned) {
        this.name = name;
        this.arm = arm;
        this.hand = hand;
        this.cameras = List.copyOf(cameras);
        this.owned = List.copyOf(owned);
        List<FeatureSet> obs = new ArrayList<>();
        List<FeatureSet> act = new ArrayList<>();
        for (Device d : devices()) {
            obs.add(d.observationFeatures());
            act.add(d.actionFeatures());
        }
        this.observation = FeatureSet.merge(obs);
        this.action = FeatureSet.merge(act);
    }

    public String name() {
        return name;
    }

    public Arm arm() {
        return arm;
    }

    public Optional<Hand> hand() {
        return Optional.ofNullable(hand);
    }

    public List<Camera> cameras() {
        return cameras;
    }

    /** Arm, hand (if any), then cameras. */
    public List<Device> devices() {
        List<Device> all = new ArrayList<>();
        all.add(arm);
        if (hand != null) {
            all.add(hand);
        }
        all.addAll(cameras);
        return all;
    }

    /** Everything the station observes: arm, hand and camera features merged. */
    public FeatureSet observationFeatures() {
        return observation;
    }

    /** Everything the station is commanded with. */
    public FeatureSet actionFeatures() {
        return action;
    }

    /** Connects every device; on failure closes the ones already connected and rethrows. */
    public void connect() throws DeviceException {
        List<Device> done = new ArrayList<>();
        try {
            for (Device d : devices()) {
                d.connect();
                done.add(d);
            }
        } catch (DeviceException e) {
            for (Device d : done) {
                d.close();
            }
            throw e;
        }
    }

    /** Activates the arm and the hand (cameras have no commands). */
    public void activate() throws DeviceException {
        arm.activate();
        if (hand != null) {
            hand.activate();
        }
    }

    /** Stops commanding: the arm and hand hold where they are. */
    public void deactivate() {
        arm.deactivate();
        if (hand != null) {
            hand.deactivate();
        }
    }

    @Override
    public void close() {
        for (Device d : devices()) {
            d.close();
        }
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Station.class).warn("closing {}: {}", name, e.toString());
            }
        }
    }
}
