package studio.tandem.autonomy.eval;

import java.nio.ByteBuffer;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.sim.SimCameraRenderer;
import studio.tandem.teleop.sim.SimCameraSpec;
import studio.tandem.teleop.sim.render.OffscreenRenderer;
import studio.tandem.teleop.sim.render.RenderUnavailableException;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * The wrist camera of evaluation and demonstration episodes: the station's wrist camera rendered
 * with EGL/OpenGL on demand in simulated time ({@link SimCameraRenderer}, the same mount and scene
 * the recorder's {@code SimCamera} shows), or, where EGL is missing, the projected-disc
 * {@link SchematicWristCamera} with the reason stated.
 */
public final class WristCameras {
    /** Size of the rendered evaluation wrist image (px): enough for a 3×3 area filter down to 32×24. */
    public static final int WIDTH = 96;
    public static final int HEIGHT = 72;

    /** Which wrist camera episodes use, and why. */
    public enum Kind {
        RENDERED, PROJECTED
    }

    /**
     * @param kind the camera episodes will use
     * @param reason why the projected camera is used (EGL unavailable), empty for the rendered one
     */
    public record Choice(Kind kind, String reason) {
        public String describe() {
            return kind == Kind.RENDERED ? "rendered wrist camera (EGL, " + WIDTH + "x" + HEIGHT + ")"
                    : "projected-disc wrist camera: " + reason;
        }
    }

    private WristCameras() {
    }

    /** Probes EGL on the calling thread: the rendered camera when it works, else the projected one. */
    public static Choice probe() {
        try (OffscreenRenderer r = new OffscreenRenderer(16, 16, 0)) {
            return new Choice(Kind.RENDERED, "");
        } catch (RenderUnavailableException | RuntimeException e) {
            return new Choice(Kind.PROJECTED, "EGL rendering unavailable (" + e.getMessage() + ")");
        }
    }

    /**
     * Opens the chosen wrist camera over {@code sim} on the calling thread (the episode's thread, which
     * must make every {@link FrameSource#latest} call).
     */
    static Source open(Choice choice, SimulatedStation sim) {
        if (choice.kind() == Kind.RENDERED) {
            try {
                return new Rendered(SimCameraRenderer.open(SimCameraSpec.wrist(WIDTH, HEIGHT, 30), sim.engine()));
            } catch (RenderUnavailableException e) {
                throw new IllegalStateException("wrist camera: EGL worked at probe time but not now: "
                        + e.getMessage(), e);
            }
        }
        SchematicWristCamera c = new SchematicWristCamera(sim.engine(), new ForwardKinematics(sim.arm().chain()), 64,
                48, 0.06);
        return new Source() {
            @Override
            public boolean latest(String feature, ImageFrame into) {
                return c.latest(feature, into);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** A frame source an episode closes. */
    interface Source extends FrameSource, AutoCloseable {
        @Override
        void close();
    }

    /** The rendered camera: every call draws the simulator's state at that instant. */
    private static final class Rendered implements Source {
        private final SimCameraRenderer renderer;
        private final ByteBuffer rgb;

        Rendered(SimCameraRenderer renderer) {
            this.renderer = renderer;
            this.rgb = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 3);
        }

        @Override
        public boolean latest(String feature, ImageFrame into) {
            long stamp = renderer.render(rgb);
            into.resize(WIDTH, HEIGHT);
            rgb.get(0, into.rgb(), 0, WIDTH * HEIGHT * 3);
            into.stampNanos(stamp);
            return true;
        }

        @Override
        public void close() {
            renderer.close();
        }
    }
}
