package studio.tandem.teleop.sim.render;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

/**
 * Measures the simulated cameras' rendering rate: the sample tabletop seen by a 320×240 scene camera and a
 * 320×240 wrist camera, both rendered and read back every frame while the red cube moves. The F3 target is
 * ≥ 30 frames per second for both cameras together.
 */
public final class RenderBenchmark {

    /**
     * @param frames   frames per camera; fps counts frames in which both cameras were rendered
     * @param nanos    wall time of the measured frames
     * @param cpuNanos CPU time the whole process used meanwhile (llvmpipe renders on its own threads), which
     *                 is steadier than fps on a shared machine
     */
    public record Result(String glRenderer, int width, int height, int frames, long nanos, double fps,
            long cpuNanos) {

        /** Process CPU milliseconds per frame of both cameras. */
        public double cpuMillisPerFrame() {
            return cpuNanos / 1e6 / frames;
        }
    }

    private RenderBenchmark() {
    }

    /**
     * Renders both views {@code frames} times (after 10 warm-up frames) on the calling thread.
     *
     * @throws RenderUnavailableException when the machine has no headless OpenGL
     */
    public static Result twoCameras(int frames, int width, int height, int msaaSamples)
            throws RenderUnavailableException {
        if (frames < 1) {
            throw new IllegalArgumentException("benchmark frames must be >= 1, got " + frames);
        }
        SampleTabletop sample = SampleTabletop.build();
        CameraView sceneCam = SampleTabletop.sceneCamera(width, height);
        CameraView wristCam = sample.wristCamera(width, height);
        ByteBuffer a = ByteBuffer.allocateDirect(sceneCam.rgbBytes());
        ByteBuffer b = ByteBuffer.allocateDirect(wristCam.rgbBytes());
        try (OffscreenRenderer renderer = new OffscreenRenderer(width, height, msaaSamples)) {
            RenderScene scene = sample.scene();
            int cube = sample.redCube();
            for (int i = 0; i < 10; i++) {
                renderer.render(scene, sceneCam, a);
                renderer.render(scene, wristCam, b);
            }
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                scene.setPosition(cube, 0.05f + 0.001f * (i % 50), 0.05f, SampleTabletop.TABLE_TOP_Z + 0.04f);
                renderer.render(scene, sceneCam, a);
                renderer.render(scene, wristCam, b);
            }
            long nanos = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            return new Result(renderer.glRenderer(), width, height, frames, nanos, frames * 1e9 / nanos, cpu);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1L;
    }

    /** Two 320×240 cameras, no MSAA. */
    public static Result twoCameras320x240(int frames) throws RenderUnavailableException {
        return twoCameras(frames, 320, 240, 0);
    }
}
