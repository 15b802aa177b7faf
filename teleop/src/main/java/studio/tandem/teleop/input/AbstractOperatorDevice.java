package studio.tandem.teleop.input;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;

/**
 * Common lifecycle, latest-value slots, drop counting and feature declaration of operator devices.
 * Subclasses publish from their single device thread through {@link #publishPose} and
 * {@link #publishHand}.
 */
public abstract class AbstractOperatorDevice implements OperatorDevice {
    /** Names of the 7 pose values every channel declares: position (m) then quaternion. */
    public static final List<String> POSE_NAMES = List.of("x", "y", "z", "qx", "qy", "qz", "qw");

    protected final NanoClock clock;
    private final String id;
    private final String[] channelNames;
    private final LatestValue<PoseSample>[] poseSlots;
    private final LatestValue<HandJointsSample>[] handSlots;
    private final AtomicLong dropped = new AtomicLong();
    private volatile DeviceState state = DeviceState.DISCONNECTED;
    private volatile String faultReason = "";
    private volatile SampleTap tap;
    private volatile boolean activated;

    @SuppressWarnings("unchecked")
    protected AbstractOperatorDevice(String id, NanoClock clock, boolean handTracking, String... channelNames) {
        this.id = id;
        this.clock = clock;
        this.channelNames = channelNames.clone();
        this.poseSlots = new LatestValue[channelNames.length];
        for (int i = 0; i < poseSlots.length; i++) {
            poseSlots[i] = new LatestValue<>(PoseSample::new);
        }
        this.handSlots = handTracking ? new LatestValue[] {
            new LatestValue<>(HandJointsSample::new), new LatestValue<>(HandJointsSample::new)} : null;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final DeviceState state() {
        return state;
    }

    @Override
    public final String faultReason() {
        return faultReason;
    }

    protected final void setState(DeviceState s) {
        state = s;
        if (s != DeviceState.FAULT) {
            faultReason = "";
        }
    }

    /** Enters FAULT with a one-line reason for the operator. Any thread. */
    protected final void fault(String reason) {
        faultReason = reason;
        state = DeviceState.FAULT;
    }

    @Override
    public void activate() throws DeviceException {
        DeviceState s = state;
        if (s == DeviceState.DISCONNECTED) {
            throw new DeviceException(id + ": activate before connect");
        }
        activated = true;
        if (s == DeviceState.CONNECTED) {
            state = DeviceState.ACTIVE;
        }
    }

    @Override
    public void deactivate() {
        activated = false;
        if (state == DeviceState.ACTIVE) {
            state = DeviceState.CONNECTED;
        }
    }

    /** After a reconnect: back to ACTIVE if the device had been activated, else CONNECTED. */
    protected final void recovered() {
        faultReason = "";
        state = activated ? DeviceState.ACTIVE : DeviceState.CONNECTED;
    }

    @Override
    public final int poseChannels() {
        return channelNames.length;
    }

    @Override
    public final String channelName(int channel) {
        return channelNames[channel];
    }

    @Override
    public final boolean readPose(int channel, PoseSample dst) {
        return poseSlots[channel].read(dst);
    }

    @Override
    public final boolean readHand(Side side, HandJointsSample dst) {
        return handSlots != null && handSlots[side.ordinal()].read(dst);
    }

    @Override
    public final long droppedCount() {
        return dropped.get();
    }

    /** Counts one unusable input (malformed report, unknown packet). Device thread. */
    protected final void countDropped() {
        dropped.incrementAndGet();
    }

    /** Installs (or removes with null) the tap that sees every published sample. */
    public final void setTap(SampleTap tap) {
        this.tap = tap;
    }

    /** Publishes a pose sample; device thread only. */
    protected final void publishPose(int channel, PoseSample sample) {
        poseSlots[channel].publish(sample);
        SampleTap t = tap;
        if (t != null) {
            t.onPose(channel, sample);
        }
    }

    /** Publishes a hand sample; device thread only. */
    protected final void publishHand(Side side, HandJointsSample sample) {
        handSlots[side.ordinal()].publish(sample);
        SampleTap t = tap;
        if (t != null) {
            t.onHand(side, sample);
        }
    }

    /**
     * Per channel: {@code <id>.<channel>.pose} float32[7], {@code .buttons} int64, {@code .trigger}
     * and {@code .squeeze} float32.
     */
    @Override
    public FeatureSet observationFeatures() {
        List<Feature> out = new ArrayList<>();
        for (String ch : channelNames) {
            String p = id + "." + ch;
            out.add(VectorFeature.float32(p + ".pose", POSE_NAMES));
            out.add(VectorFeature.scalar(p + ".buttons", DType.INT64));
            out.add(VectorFeature.scalar(p + ".trigger", DType.FLOAT32));
            out.add(VectorFeature.scalar(p + ".squeeze", DType.FLOAT32));
        }
        return FeatureSet.of(out);
    }

    @Override
    public FeatureSet actionFeatures() {
        return FeatureSet.of(List.of());
    }
}
