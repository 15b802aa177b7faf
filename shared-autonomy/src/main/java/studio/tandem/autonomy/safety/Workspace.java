package studio.tandem.autonomy.safety;

/**
 * The Cartesian region the tool centre point may occupy. Implementations must not allocate: they
 * are called on the control thread for every command.
 */
@FunctionalInterface
public interface Workspace {

    /**
     * Whether the arm configuration keeps the tool inside the workspace.
     *
     * @param armJoints arm joint positions (radians), read only
     */
    boolean contains(double[] armJoints);

    /** No workspace limit (joint limits only). */
    Workspace UNLIMITED = q -> true;
}
