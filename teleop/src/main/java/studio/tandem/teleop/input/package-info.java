/**
 * Common operator-device samples and their hand-off: {@link studio.tandem.teleop.input.PoseSample}
 * (6-DoF pose, buttons, trigger, squeeze, tracking flag, capture time), {@link
 * studio.tandem.teleop.input.HandJointsSample} (the 26 OpenXR hand joints), and {@link
 * studio.tandem.teleop.input.LatestValue}, the single-writer latest-value slot every device thread
 * publishes through and the control loop reads without waiting.
 */
package studio.tandem.teleop.input;
