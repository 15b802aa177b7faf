/**
 * The simulated station: a UR5e with a four-finger hand or a parallel gripper over a table with graspable
 * objects, in real rigid-body physics.
 *
 * <p>Engine: ode4j 0.5.3 (pure-Java port of ODE; no natives to ship, deterministic on one thread, friction
 * cones, joint motors with force limits, contact feedback for tactile). The arm's links are kinematic bodies
 * that follow position-controlled joints (an industrial arm is not back-drivable); the fingers are dynamic
 * bodies on force-limited motors, so grasps hold, slip or fail from contact physics alone. Libbulletjme
 * (Bullet) was the alternative: faster per step, but it needs platform natives extracted at run time.
 *
 * <p>Threads: {@link studio.tandem.teleop.sim.SimStation} steps the physics on its own thread (or by hand
 * in tests) and publishes a latest-value snapshot through a sequence lock; devices
 * ({@link studio.tandem.teleop.sim.SimArm}, {@link studio.tandem.teleop.sim.SimHand}) are read and
 * commanded from the control thread; each {@link studio.tandem.teleop.sim.SimCamera} renders on its own
 * thread. World frame = arm base frame, metres, z up, table top at z = 0.
 */
package studio.tandem.teleop.sim;
