package studio.tandem.teleop.openxr;

import static org.lwjgl.system.MemoryStack.stackPush;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.lwjgl.openxr.XR10;
import org.lwjgl.openxr.XrEventDataBuffer;
import org.lwjgl.openxr.XrEventDataSessionStateChanged;
import org.lwjgl.openxr.XrFrameBeginInfo;
import org.lwjgl.openxr.XrFrameEndInfo;
import org.lwjgl.openxr.XrFrameState;
import org.lwjgl.openxr.XrFrameWaitInfo;
import org.lwjgl.openxr.XrSessionBeginInfo;
import org.lwjgl.system.MemoryStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.input.AbstractOperatorDevice;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.Side;

/**
 * VR controllers and tracked hands through OpenXR (LWJGL): channels {@code left} and {@code right}
 * (grip poses in the runtime's STAGE or LOCAL space, metres), trigger, squeeze, buttons, and the 26
 * hand joints when the runtime offers XR_EXT_hand_tracking. Uses a headless session
 * (XR_MND_headless), so no graphics binding is needed; a runtime without it, or no runtime at all,
 * is reported as one line by {@link #connect()} and the rest of the studio carries on. One device
 * thread owns every OpenXR call and runs the frame loop; samples are published per frame and stamped
 * with the injected clock.
 */
public final class OpenXrDevice extends AbstractOperatorDevice {
    private static final Logger LOG = LoggerFactory.getLogger(OpenXrDevice.class);

    private final XrInputMapper mapper;
    private final XrSessionStateMachine states = new XrSessionStateMachine();
    private final XrFrameInput frame = new XrFrameInput();
    private final PoseSample sample = new PoseSample();
    private final HandJointsSample handSample = new HandJointsSample();
    private final DeviceThread worker = new DeviceThread();
    private volatile String startError;

    public OpenXrDevice(String id, NanoClock clock, XrInputMapper mapper) {
        super(id, clock, true, "left", "right");
        this.mapper = mapper;
    }

    public OpenXrDevice(String id, NanoClock clock) {
        this(id, clock, new XrInputMapper());
    }

    /**
     * Creates the OpenXR instance and session on the device thread and waits for the outcome.
     *
     * @throws DeviceException with one line, e.g. "OpenXR xrCreateInstance failed: no OpenXR runtime is available (...)"
     */
    @Override
    public synchronized void connect() throws DeviceException {
        if (worker.running()) {
            return;
        }
        if (isLinux() && XrRuntimeLocator.activeRuntime(System.getenv(),
                java.nio.file.Path.of(System.getProperty("user.home"))).isEmpty()) {
            fault(XrRuntimeLocator.noRuntimeMessage());
            throw new DeviceException(XrRuntimeLocator.noRuntimeMessage());
        }
        CountDownLatch started = new CountDownLatch(1);
        startError = null;
        worker.start("openxr-" + id(), () -> run(started));
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                startError = "OpenXR: the runtime did not answer within 10 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            startError = "OpenXR: interrupted while connecting";
        }
        if (startError != null) {
            worker.requestStop();
            fault(startError);
            throw new DeviceException(startError);
        }
        setState(DeviceState.CONNECTED);
    }

    private void run(CountDownLatch started) {
        OpenXrSession xr;
        OpenXrFrameReader reader;
        try {
            xr = new OpenXrSession("Tandem Studio");
            reader = new OpenXrFrameReader(xr);
        } catch (XrCallException e) {
            startError = e.getMessage();
            started.countDown();
            return;
        } catch (RuntimeException | LinkageError e) {
            startError = "OpenXR loader could not start: " + oneLine(e);
            started.countDown();
            return;
        }
        LOG.info("{}: OpenXR session created (hand tracking {})", id(), xr.handTrackingEnabled ? "on" : "not offered");
        started.countDown();
        try (xr; reader; XrEventDataBuffer event = XrEventDataBuffer.calloc();
             XrFrameState frameState = XrFrameState.calloc()) {
            loop(xr, reader, event, frameState);
        } catch (XrCallException e) {
            fault(e.getMessage());
            LOG.warn("{}: {}", id(), e.getMessage());
        }
        worker.requestStop();
    }

    private void loop(OpenXrSession xr, OpenXrFrameReader reader, XrEventDataBuffer event, XrFrameState fs) {
        fs.type$Default();
        while (worker.running()) {
            if (!pollEvents(xr, event)) {
                return;
            }
            if (!states.running()) {
                sleepMillis(10);
                continue;
            }
            try (MemoryStack stack = stackPush()) {
                OpenXrSession.check(XR10.xrWaitFrame(xr.session, XrFrameWaitInfo.calloc(stack).type$Default(), fs),
                        "xrWaitFrame");
                OpenXrSession.check(XR10.xrBeginFrame(xr.session, XrFrameBeginInfo.calloc(stack).type$Default()),
                        "xrBeginFrame");
                long time = fs.predictedDisplayTime();
                if (states.posesAvailable()) {
                    reader.read(time, states.inputActive(), frame);
                    publishFrame();
                }
                OpenXrSession.check(XR10.xrEndFrame(xr.session, XrFrameEndInfo.calloc(stack).type$Default()
                        .displayTime(time).environmentBlendMode(XR10.XR_ENVIRONMENT_BLEND_MODE_OPAQUE)), "xrEndFrame");
            }
        }
    }

    /** Drains runtime events; false when the session ended for good. */
    private boolean pollEvents(OpenXrSession xr, XrEventDataBuffer event) {
        while (XR10.xrPollEvent(xr.instance, event.type$Default()) == XR10.XR_SUCCESS) {
            if (event.type() == XR10.XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING) {
                fault("OpenXR runtime is going away (instance loss pending)");
                return false;
            }
            if (event.type() != XR10.XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
                continue;
            }
            int s = XrEventDataSessionStateChanged.create(event.address()).state();
            switch (states.onStateChanged(s)) {
                case BEGIN -> {
                    try (MemoryStack stack = stackPush()) {
                        OpenXrSession.check(XR10.xrBeginSession(xr.session, XrSessionBeginInfo.calloc(stack)
                                .type$Default().primaryViewConfigurationType(XR10.XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)),
                                "xrBeginSession");
                    }
                    recovered();
                }
                case END -> OpenXrSession.check(XR10.xrEndSession(xr.session), "xrEndSession");
                case EXIT -> {
                    setState(DeviceState.DISCONNECTED);
                    return false;
                }
                case RECREATE -> {
                    fault("OpenXR session lost (runtime stopped or headset disconnected)");
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    /** Publishes the current {@link #frame} as samples. Device thread; allocation-free. */
    void publishFrame() {
        long now = clock.nanoTime();
        for (int h = 0; h < 2; h++) {
            mapper.controller(frame, h, now, sample);
            publishPose(h, sample);
            if (mapper.hand(frame, h, now, handSample)) {
                publishHand(h == 0 ? Side.LEFT : Side.RIGHT, handSample);
            }
        }
    }

    /**
     * Per controller: pose, buttons, trigger, squeeze (see {@link AbstractOperatorDevice}); per hand:
     * {@code <id>.hand_<side>.joints} float32[182] (26 joints × x y z qx qy qz qw, reference space).
     */
    @Override
    public FeatureSet observationFeatures() {
        List<String> names = new ArrayList<>();
        for (HandJoint j : HandJoint.values()) {
            for (String c : POSE_NAMES) {
                names.add(j.name().toLowerCase(Locale.ROOT) + "." + c);
            }
        }
        return super.observationFeatures().plus(VectorFeature.float32(id() + ".hand_left.joints", names),
                VectorFeature.float32(id() + ".hand_right.joints", names));
    }

    /** The session state as last reported by the runtime. */
    public XrSessionStateMachine.State sessionState() {
        return states.state();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        worker.stop(false, 2000);
        setState(DeviceState.DISCONNECTED);
    }
}
