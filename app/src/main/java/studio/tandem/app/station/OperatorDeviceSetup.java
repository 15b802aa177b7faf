package studio.tandem.app.station;

import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.input.OperatorDevice;
import studio.tandem.teleop.keyboard.LinuxJoystick;
import studio.tandem.teleop.retarget.ArmRetargetConfig;

/**
 * One operator device the station file chose, built but not connected, with how its motion maps onto
 * the arm (channel, clutch, device → robot base frame). Close it to stop the device and any source
 * it owns (the gamepad's joystick reader).
 *
 * @param type the station file's device type ({@code spacemouse}, {@code openxr}, {@code gamepad})
 * @param device the teleop input device
 * @param retargeting its arm retargeting settings
 * @param pad the joystick behind a gamepad, else null
 */
public record OperatorDeviceSetup(String type, OperatorDevice device, ArmRetargetConfig retargeting,
        LinuxJoystick pad) implements AutoCloseable {

    /**
     * Why the device does not drive now, one line, empty when it delivers: its fault reason,
     * "not connected", or the gamepad's reason. Any thread.
     */
    public String problem() {
        DeviceState s = device.state();
        if (s == DeviceState.FAULT) {
            return device.faultReason().isEmpty() ? type + ": fault" : device.faultReason();
        }
        if (!s.readable()) {
            return type + ": not connected";
        }
        if (pad != null && !pad.connected()) {
            return pad.problem();
        }
        return "";
    }

    /**
     * Whether it delivers samples now (connected, and for a gamepad, the pad is plugged in). Any
     * thread; allocation-free (the control loop asks every tick).
     */
    public boolean delivering() {
        return device.state().readable() && (pad == null || pad.connected());
    }

    @Override
    public void close() {
        device.close();
        if (pad != null) {
            pad.close();
        }
    }
}
