package studio.tandem.teleop.sim;

/**
 * Primitive shapes of the simulated scene. Dimensions (m): BOX (size x, y, z), CYLINDER and CAPSULE
 * (radius, length along local z, unused), SPHERE (radius, unused, unused).
 */
public enum Shape { BOX, CYLINDER, SPHERE, CAPSULE }
