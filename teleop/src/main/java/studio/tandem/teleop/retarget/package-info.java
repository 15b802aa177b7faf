/**
 * Operator → robot retargeting, run on the control thread: {@link studio.tandem.teleop.retarget.ArmRetargeter}
 * (dropout watchdog, clutch with relative mapping and calibration, One Euro filter, workspace box,
 * velocity/acceleration limits, IK, trigger → gripper closure) and {@link
 * studio.tandem.teleop.retarget.HandFollower} / {@link studio.tandem.teleop.retarget.HandRetargeter}
 * (26 OpenXR joints → robot hand joints by fingertip-vector optimization).
 * {@link studio.tandem.teleop.bench.EventToCommandBench} measures event → command latency.
 */
package studio.tandem.teleop.retarget;
