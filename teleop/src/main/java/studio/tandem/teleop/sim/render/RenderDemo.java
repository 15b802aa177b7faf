package studio.tandem.teleop.sim.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Usage: {@code RenderDemo [outputDir] [msaaSamples]}. Writes {@code scene.png} and {@code wrist.png} of the sample tabletop into a folder (first argument,
 * default the working directory) and prints the two-camera frame rate, to eyeball the renderer.
 */
public final class RenderDemo {

    private RenderDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int msaa;
        try {
            msaa = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        } catch (NumberFormatException e) {
            System.err.println("MSAA samples (second argument) must be an integer, got '" + args[1] + "'");
            System.exit(2);
            return;
        }
        SampleTabletop sample = SampleTabletop.build();
        CameraView sceneCam = SampleTabletop.sceneCamera(640, 480);
        CameraView wristCam = sample.wristCamera(320, 240);
        ByteBuffer a = ByteBuffer.allocateDirect(sceneCam.rgbBytes());
        ByteBuffer b = ByteBuffer.allocateDirect(wristCam.rgbBytes());
        try (OffscreenRenderer renderer = new OffscreenRenderer(640, 480, msaa)) {
            renderer.render(sample.scene(), sceneCam, a);
            renderer.render(sample.scene(), wristCam, b);
            RgbPng.write(a, sceneCam.width(), sceneCam.height(), dir.resolve("scene.png"));
            RgbPng.write(b, wristCam.width(), wristCam.height(), dir.resolve("wrist.png"));
            System.out.println("renderer: " + renderer.glRenderer());
        } catch (RenderUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            RenderBenchmark.Result r = RenderBenchmark.twoCameras320x240(300);
            System.out.printf("two 320x240 cameras: %.1f fps%n", r.fps());
        } catch (RenderUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
