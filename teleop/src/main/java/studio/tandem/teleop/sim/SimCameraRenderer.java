package studio.tandem.teleop.sim;

import java.nio.ByteBuffer;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import studio.tandem.teleop.sim.render.CameraView;
import studio.tandem.teleop.sim.render.OffscreenRenderer;
import studio.tandem.teleop.sim.render.RenderUnavailableException;

/**
 * A simulated camera rendered on demand on the caller's thread (headless EGL/OpenGL), for runs in
 * simulated time (evaluation, demonstration collection) where a camera thread on the wall clock would
 * show the wrong moment: {@link #render} draws the station's state at the instant it is called with
 * the same mount, field of view and scene as {@link SimCamera}. The GL context belongs to the thread
 * that opened it; every call must come from that thread. Allocation-free per frame.
 */
public final class SimCameraRenderer implements AutoCloseable {
    private final SimStation station;
    private final OffscreenRenderer renderer;
    private final RenderSceneBridge bridge;
    private final CameraView view;
    private final SimSnapshot snapshot;
    private final SimCameraSpec spec;

    private SimCameraRenderer(SimCameraSpec spec, SimStation station, OffscreenRenderer renderer) {
        this.spec = spec;
        this.station = station;
        this.renderer = renderer;
        this.bridge = new RenderSceneBridge(station.bodies());
        this.view = view(spec, station.bodies());
        this.snapshot = station.newSnapshot();
    }

    /**
     * Opens the renderer on the calling thread.
     *
     * @throws RenderUnavailableException with the one-line reason when there is no EGL/OpenGL here
     */
    public static SimCameraRenderer open(SimCameraSpec spec, SimStation station) throws RenderUnavailableException {
        OffscreenRenderer r = new OffscreenRenderer(spec.width(), spec.height(), 0);
        try {
            return new SimCameraRenderer(spec, station, r);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    public SimCameraSpec spec() {
        return spec;
    }

    /**
     * Renders the station's current state into {@code rgbOut} (width × height × 3 bytes RGB from its
     * position, rows top first; direct buffer).
     *
     * @return the simulation stamp of the state shown (station clock, ns)
     */
    public long render(ByteBuffer rgbOut) {
        station.read(snapshot);
        bridge.update(snapshot);
        renderer.render(bridge.scene(), view, rgbOut);
        return snapshot.stampNanos();
    }

    @Override
    public void close() {
        renderer.close();
    }

    /** The camera's view: fixed in the world, or mounted on the palm (optical frame: z forward, y down). */
    static CameraView view(SimCameraSpec spec, List<SceneBody> bodies) {
        CameraView v = new CameraView(spec.width(), spec.height(), (float) spec.verticalFovDeg(), 0.02f, 6f);
        double[] e = spec.eye();
        double[] t = spec.target();
        if (!spec.attachToPalm()) {
            return v.lookAt((float) e[0], (float) e[1], (float) e[2], (float) t[0], (float) t[1], (float) t[2],
                    0, 0, 1);
        }
        Vector3f eye = new Vector3f((float) e[0], (float) e[1], (float) e[2]);
        Vector3f z = new Vector3f((float) t[0], (float) t[1], (float) t[2]).sub(eye).normalize();
        Vector3f x = new Vector3f(1, 0, 0).cross(z).cross(z).negate().normalize();
        Vector3f y = new Vector3f(z).cross(x).normalize();
        float[] mount = new float[16];
        new Matrix4f(x.x, x.y, x.z, 0, y.x, y.y, y.z, 0, z.x, z.y, z.z, 0, eye.x, eye.y, eye.z, 1).get(mount);
        for (SceneBody b : bodies) {
            if (b.name().endsWith(".palm")) {
                return v.attachTo(b.index(), mount);
            }
        }
        throw new IllegalStateException("camera '" + spec.id() + "': the scene has no palm to mount on");
    }
}
