package studio.tandem.app.cli;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.synthetic.SyntheticStation;

/** The synthetic station: barcode cameras on their own threads plus 200 Hz state and action. */
final class SyntheticRecordStation implements RecordStation {
    private final int cameras;
    private final int width;
    private final int height;
    private final double cameraFps;
    private final double vectorHz;
    private final NanoClock clock;
    private SyntheticStation station;

    SyntheticRecordStation(int cameras, int width, int height, double cameraFps, double vectorHz, NanoClock clock) {
        if (cameras < 0 || cameras > 16) {
            throw new UserError("--cameras must be between 0 and 16, was " + cameras);
        }
        if (width < 64 || height < 80 || width % 2 != 0 || height % 2 != 0) {
            throw new UserError("--width/--height must be even and at least 64x80, was " + width + "x" + height);
        }
        this.cameras = cameras;
        this.width = width;
        this.height = height;
        this.cameraFps = cameraFps;
        this.vectorHz = vectorHz;
        this.clock = clock;
    }

    @Override
    public String robotType() {
        return "tandem_synthetic";
    }

    @Override
    public void declare(Recorder recorder) {
        double[] fps = new double[cameras];
        java.util.Arrays.fill(fps, cameraFps);
        station = new SyntheticStation(recorder, clock, width, height, fps, vectorHz);
    }

    @Override
    public void start() {
        station.start();
    }

    @Override
    public long[] framesPublished() {
        return station.published();
    }

    @Override
    public void close() {
        if (station != null) {
            station.stop();
        }
    }
}
