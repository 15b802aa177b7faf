/**
 * Device streams on disk: {@link studio.tandem.teleop.replay.StreamRecorder} taps any device,
 * {@link studio.tandem.teleop.replay.ReplayDevice} plays a file back as a device with the original
 * timing (or faster), for tests, demos and bug reports. Format: {@link studio.tandem.teleop.replay.StreamFormat}.
 */
package studio.tandem.teleop.replay;
