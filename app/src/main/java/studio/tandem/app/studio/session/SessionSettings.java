package studio.tandem.app.studio.session;

import java.nio.file.Path;

/**
 * How a studio session runs its station (the simulated one unless a station file says otherwise).
 *
 * @param dataset the LeRobot v3.0 dataset episodes are recorded into (created if absent)
 * @param fps dataset rate (Hz); the cameras run at it too
 * @param cameraWidth simulated camera width (px, even)
 * @param cameraHeight simulated camera height (px, even)
 * @param cameras whether to render the simulated cameras (needs OpenGL; without it the station runs
 *     camera-less and says why)
 * @param loopHz control-loop rate (Hz)
 * @param seed simulation seed (object placement)
 */
public record SessionSettings(Path dataset, int fps, int cameraWidth, int cameraHeight, boolean cameras,
        double loopHz, long seed) {

    public SessionSettings {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("session fps must be 1..120, was " + fps);
        }
        if (cameraWidth < 64 || cameraHeight < 64 || cameraWidth % 2 != 0 || cameraHeight % 2 != 0) {
            throw new IllegalArgumentException("camera size must be even and at least 64x64, was "
                    + cameraWidth + "x" + cameraHeight);
        }
        if (!(loopHz >= 10 && loopHz <= 1000)) {
            throw new IllegalArgumentException("loop rate must be 10..1000 Hz, was " + loopHz);
        }
    }

    /** 30 fps, two 320×240 cameras, the control loop at 200 Hz (the shared-autonomy default). */
    public static SessionSettings defaults(Path dataset) {
        return new SessionSettings(dataset, 30, 320, 240, true, 200, 1);
    }

    /** The same settings recording into {@code other} (a station with other features needs its own dataset). */
    public SessionSettings withDataset(Path other) {
        return new SessionSettings(other, fps, cameraWidth, cameraHeight, cameras, loopHz, seed);
    }

    public SessionSettings withCameras(boolean on) {
        return new SessionSettings(dataset, fps, cameraWidth, cameraHeight, on, loopHz, seed);
    }
}
