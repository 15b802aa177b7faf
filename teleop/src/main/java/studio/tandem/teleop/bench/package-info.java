/**
 * Measurements behind {@code tandem bench teleop}: device event → arm command latency through the
 * real retargeting, IK and simulated arm ({@link studio.tandem.teleop.bench.EventToCommandBench});
 * the physics real-time factor and camera rates are in {@link studio.tandem.teleop.sim.SimBench}.
 */
package studio.tandem.teleop.bench;
