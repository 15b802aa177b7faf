package studio.tandem.teleop.device;

import studio.tandem.dataset.feature.FeatureSet;

/**
 * A device that wraps another and forwards the whole {@link Device} contract to it (identity, state,
 * fault reason, lifecycle, features, close); subclasses override what they change (e.g. a meter on
 * reads, a clutch on samples, a close left to the owner). Threads as the wrapped device's.
 *
 * @param <D> the wrapped device's interface
 */
public abstract class ForwardingDevice<D extends Device> implements Device {
    /** The wrapped device. */
    protected final D device;

    protected ForwardingDevice(D device) {
        this.device = device;
    }

    @Override
    public String id() {
        return device.id();
    }

    @Override
    public DeviceState state() {
        return device.state();
    }

    @Override
    public String faultReason() {
        return device.faultReason();
    }

    @Override
    public void connect() throws DeviceException {
        device.connect();
    }

    @Override
    public void activate() throws DeviceException {
        device.activate();
    }

    @Override
    public void deactivate() {
        device.deactivate();
    }

    @Override
    public FeatureSet observationFeatures() {
        return device.observationFeatures();
    }

    @Override
    public FeatureSet actionFeatures() {
        return device.actionFeatures();
    }

    @Override
    public void close() {
        device.close();
    }
}
