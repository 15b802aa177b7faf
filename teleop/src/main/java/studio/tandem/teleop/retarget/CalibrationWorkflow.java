package studio.tandem.teleop.retarget;

import org.joml.Vector3d;

import studio.tandem.teleop.input.PoseSample;

/**
 * The device-to-robot calibration as a workflow the UI drives: the operator moves the device along
 * the robot's +X axis, then along its +Y axis, marking the start and end of each motion; the result
 * is the {@link DeviceCalibration} that maps device motion onto the robot base. UI thread; not for
 * the control loop.
 */
public final class CalibrationWorkflow {
    /** Where the workflow stands. */
    public enum Step { START_X, END_X, START_Y, END_Y, DONE }

    private static final double MIN_MOTION = 0.05;

    private final Vector3d start = new Vector3d();
    private final Vector3d alongX = new Vector3d();
    private final Vector3d alongY = new Vector3d();
    private Step step = Step.START_X;
    private DeviceCalibration result;

    public Step step() {
        return step;
    }

    /** What to tell the operator now. */
    public String instruction() {
        return switch (step) {
            case START_X -> "Hold the device still, then mark the start of a motion along the robot's +X (forward) axis.";
            case END_X -> "Move the device at least 5 cm along the robot's +X axis and mark the end.";
            case START_Y -> "Mark the start of a motion along the robot's +Y (left) axis.";
            case END_Y -> "Move the device at least 5 cm along the robot's +Y axis and mark the end.";
            case DONE -> "Calibration done.";
        };
    }

    /**
     * Marks the current device pose for the current step.
     *
     * @throws IllegalArgumentException (one line, for the operator) if a motion was too short or the
     *         two motions were nearly parallel; the step is then repeated
     */
    public void mark(PoseSample device) {
        Vector3d p = new Vector3d(device.px(), device.py(), device.pz());
        switch (step) {
            case START_X, START_Y -> {
                start.set(p);
                step = step == Step.START_X ? Step.END_X : Step.END_Y;
            }
            case END_X -> {
                requireMotion(p.sub(start, alongX), Step.START_X);
                step = Step.START_Y;
            }
            case END_Y -> {
                requireMotion(p.sub(start, alongY), Step.START_Y);
                try {
                    result = DeviceCalibration.fromTwoMotions(alongX, alongY);
                } catch (IllegalArgumentException e) {
                    step = Step.START_Y;
                    throw e;
                }
                step = Step.DONE;
            }
            case DONE -> { }
        }
    }

    private void requireMotion(Vector3d motion, Step retry) {
        if (motion.length() < MIN_MOTION) {
            step = retry;
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "calibration: the device moved %.1f cm; move it at least 5 cm", motion.length() * 100));
        }
    }

    /** The calibration, once {@link Step#DONE}. */
    public DeviceCalibration result() {
        if (result == null) {
            throw new IllegalStateException("calibration is not finished (" + step + ")");
        }
        return result;
    }
}
