package studio.tandem.dataset.video.bench;

/**
 * One encoding run of {@link VideoBench}: {@code cameras} streams of {@code frames} frames each.
 *
 * @param codec             encoder name
 * @param cameras           parallel encoders (one thread each)
 * @param framesPerCamera   frames encoded per camera
 * @param wallSeconds       wall time of the whole run
 * @param cpuSeconds        process CPU time used by the run (all threads, including the codec's own)
 * @param fpsPerCamera      frames per second each camera achieved (unpaced)
 * @param cpuMillisPerFrame CPU milliseconds per frame
 * @param bytesPerCamera    mean file size per camera
 */
public record EncodeBenchResult(String codec, int cameras, int framesPerCamera, double wallSeconds,
        double cpuSeconds, double fpsPerCamera, double cpuMillisPerFrame, long bytesPerCamera) {

    /** Share of one core that {@code cameras} cameras at {@code fps} would need. */
    public double coresNeeded(int fps) {
        return cpuMillisPerFrame * fps * cameras / 1000.0;
    }
}
