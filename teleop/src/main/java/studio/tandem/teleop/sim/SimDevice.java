package studio.tandem.teleop.sim;

import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;

/** Lifecycle shared by the simulated devices: DISCONNECTED → CONNECTED → ACTIVE, FAULT when the physics fails. */
abstract class SimDevice {
    protected final String id;
    protected final SimStation station;
    private final FeatureSet observation;
    private final FeatureSet action;
    private volatile DeviceState state = DeviceState.DISCONNECTED;

    SimDevice(String id, SimStation station, FeatureSet observation, FeatureSet action) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("sim device: id must not be empty");
        }
        this.id = id;
        this.station = station;
        this.observation = observation;
        this.action = action;
    }

    public String id() {
        return id;
    }

    public FeatureSet observationFeatures() {
        return observation;
    }

    public FeatureSet actionFeatures() {
        return action;
    }

    public DeviceState state() {
        if (!station.fault().isEmpty()) {
            return DeviceState.FAULT;
        }
        return state;
    }

    public String faultReason() {
        return station.fault();
    }

    public synchronized void connect() throws DeviceException {
        if (!station.fault().isEmpty()) {
            throw new DeviceException(id + ": " + station.fault());
        }
        if (state == DeviceState.DISCONNECTED) {
            state = DeviceState.CONNECTED;
        }
    }

    public synchronized void activate() throws DeviceException {
        if (state() == DeviceState.ACTIVE) {
            return;
        }
        if (state() != DeviceState.CONNECTED) {
            throw new DeviceException(id + ": cannot activate while " + state());
        }
        holdCurrent();
        state = DeviceState.ACTIVE;
    }

    public synchronized void deactivate() {
        if (state == DeviceState.ACTIVE) {
            holdCurrent();
            state = DeviceState.CONNECTED;
        }
    }

    public synchronized void close() {
        if (state == DeviceState.ACTIVE) {
            holdCurrent();
        }
        state = DeviceState.DISCONNECTED;
    }

    /** Commands the current measured posture, so the device holds still. */
    protected abstract void holdCurrent();

    protected void requireReadable() {
        if (!state().readable()) {
            throw new IllegalStateException(id + ": not connected (" + state() + ")");
        }
    }

    protected void requireActive() {
        if (!state().commandable()) {
            throw new IllegalStateException(id + ": commands rejected while " + state());
        }
    }
}
