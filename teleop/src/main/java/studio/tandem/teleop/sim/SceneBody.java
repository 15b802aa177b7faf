package studio.tandem.teleop.sim;

/**
 * A rigid body of the simulated scene as a renderer sees it: shape, dimensions, colour and the index of
 * its pose in the published scene poses ({@link SimSnapshot#bodyPose}). The shape is centred on the pose;
 * cylinders and capsules run along the local z axis.
 *
 * @param name e.g. {@code ur5e.link3}, {@code hand.index_dip}, {@code red_cube}
 * @param shape primitive
 * @param dims dimensions (m), see {@link Shape}
 * @param rgba colour
 * @param index position in the scene's body list and pose array
 */
public record SceneBody(String name, Shape shape, double[] dims, float[] rgba, int index) {
    public SceneBody {
        dims = dims.clone();
        rgba = rgba.clone();
    }
}
