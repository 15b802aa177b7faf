package studio.tandem.teleop.sim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;
import studio.tandem.teleop.robot.LatestFrame;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.sim.render.CameraView;
import studio.tandem.teleop.sim.render.OffscreenRenderer;
import studio.tandem.teleop.sim.render.RenderUnavailableException;

/**
 * A simulated RGB camera: on its own thread, at its own rate, copies the station's latest state into its
 * own render scene, renders it headless (EGL/OpenGL) into a preallocated frame and publishes it, stamped
 * with the capture time of the state it shows. Frames that cannot keep the rate are counted as late.
 * The hand-off is a lock-free {@link LatestFrame}: the renderer reads pixels straight into one of three
 * preallocated buffers and {@link #readLatest} copies the latest one; neither side waits or allocates.
 */
public final class SimCamera implements Camera {
    private static final Logger LOG = LoggerFactory.getLogger(SimCamera.class);

    private final SimCameraSpec spec;
    private final SimStation station;
    private final FeatureSet features;
    private final LatestFrame frames;
    private final DeviceThread worker = new DeviceThread();
    private volatile DeviceState state = DeviceState.DISCONNECTED;
    private volatile String fault = "";
    private volatile long late;

    public SimCamera(SimCameraSpec spec, SimStation station) {
        this.spec = spec;
        this.station = station;
        this.features = RobotFeatures.camera(spec.id(), spec.width(), spec.height());
        this.frames = new LatestFrame(spec.width(), spec.height());
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public DeviceState state() {
        return state;
    }

    @Override
    public String faultReason() {
        return fault;
    }

    @Override
    public int width() {
        return spec.width();
    }

    @Override
    public int height() {
        return spec.height();
    }

    @Override
    public double fps() {
        return spec.fps();
    }

    @Override
    public FeatureSet observationFeatures() {
        return features;
    }

    @Override
    public FeatureSet actionFeatures() {
        return FeatureSet.of();
    }

    /** Starts the render thread; fails with the renderer's one-line reason when there is no OpenGL. */
    @Override
    public synchronized void connect() throws DeviceException {
        if (state.readable()) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        String[] error = new String[1];
        worker.start("sim-camera-" + spec.id(), () -> renderLoop(ready, error));
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                error[0] = "renderer did not start within 30 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error[0] = "interrupted while starting";
        }
        if (error[0] != null) {
            worker.stop(false, 5000);
            state = DeviceState.FAULT;
            fault = error[0];
            throw new DeviceException("camera '" + spec.id() + "': " + error[0]);
        }
        state = DeviceState.CONNECTED;
    }

    @Override
    public synchronized void activate() throws DeviceException {
        if (!state.readable()) {
            throw new DeviceException("camera '" + spec.id() + "': cannot activate while " + state);
        }
        state = DeviceState.ACTIVE;
    }

    @Override
    public synchronized void deactivate() {
        if (state == DeviceState.ACTIVE) {
            state = DeviceState.CONNECTED;
        }
    }

    @Override
    public boolean readLatest(CameraFrame out) {
        if (!state.readable()) {
            throw new IllegalStateException("camera '" + spec.id() + "': not connected (" + state + ")");
        }
        return frames.readLatest(out);
    }

    @Override
    public long framesCaptured() {
        return frames.sequence();
    }

    @Override
    public long framesLate() {
        return late;
    }

    @Override
    public synchronized void close() {
        worker.stop(false, 5000);
        state = DeviceState.DISCONNECTED;
    }

    private void renderLoop(CountDownLatch ready, String[] error) {
        OffscreenRenderer renderer;
        try {
            renderer = new OffscreenRenderer(spec.width(), spec.height(), 0);
        } catch (RenderUnavailableException | RuntimeException e) {
            error[0] = e.getMessage();
            ready.countDown();
            return;
        }
        try (renderer) {
            RenderSceneBridge bridge = new RenderSceneBridge(station.bodies());
            CameraView view = SimCameraRenderer.view(spec, station.bodies());
            SimSnapshot snap = station.newSnapshot();
            ready.countDown();
            runFrames(renderer, bridge, view, snap);
        } catch (RuntimeException e) {
            fault = "render failed: " + e;
            state = DeviceState.FAULT;
            LOG.error("camera {} stopped", spec.id(), e);
        }
    }

    private void runFrames(OffscreenRenderer renderer, RenderSceneBridge bridge, CameraView view, SimSnapshot snap) {
        long period = spec.periodNanos();
        long next = station.clock().nanoTime();
        while (worker.running()) {
            station.read(snap);
            bridge.update(snap);
            renderer.render(bridge.scene(), view, frames.beginWrite().rgb());
            frames.publish(snap.stampNanos());
            next += period;
            long now = station.clock().nanoTime();
            if (now - next > period) {
                late = late + (now - next) / period;
                next = now;
            }
            while (worker.running() && (now = station.clock().nanoTime()) < next) {
                LockSupport.parkNanos(Math.min(next - now, period));
            }
        }
    }
}
