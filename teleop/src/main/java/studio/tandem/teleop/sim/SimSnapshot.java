package studio.tandem.teleop.sim;

/**
 * One published state of the simulated station, in a flat preallocated {@code double[]} so it can be
 * exchanged without allocation. Layout: [sim time ns, step, capture stamp ns, arm q (6), arm qd (6), hand q (n),
 * tactile (t), tip normals (3t), object poses (7 per object: x y z qx qy qz qw), body poses (16 per
 * scene body, column-major world matrices)]. Mutable; owned by one thread.
 */
public final class SimSnapshot {
    final int handDof;
    final int tips;
    final int objects;
    final int bodies;
    final double[] data;

    SimSnapshot(int handDof, int tips, int objects, int bodies) {
        this.handDof = handDof;
        this.tips = tips;
        this.objects = objects;
        this.bodies = bodies;
        this.data = new double[size(handDof, tips, objects, bodies)];
    }

    static int size(int handDof, int tips, int objects, int bodies) {
        return 3 + 12 + handDof + 4 * tips + 7 * objects + 16 * bodies;
    }

    /** A fresh snapshot sized like this one. */
    public SimSnapshot newLike() {
        return new SimSnapshot(handDof, tips, objects, bodies);
    }

    /** Simulated time of this state (ns since start; the physics clock, not wall time). */
    public long simTimeNanos() {
        return (long) data[0];
    }

    /** When this state was captured (station clock, ns). */
    public long stampNanos() {
        return (long) data[2];
    }

    /** Physics steps taken. */
    public long step() {
        return (long) data[1];
    }

    /** Arm joint position i (rad). */
    public double armPosition(int i) {
        return data[3 + i];
    }

    /** Arm joint velocity i (rad/s). */
    public double armVelocity(int i) {
        return data[9 + i];
    }

    public double handPosition(int i) {
        return data[15 + i];
    }

    /** Normal force on fingertip i (N). */
    public double tactile(int i) {
        return data[15 + handDof + i];
    }

    /** Component c (0..2) of the contact normal on fingertip i (world frame). */
    public double tipNormal(int i, int c) {
        return data[15 + handDof + tips + 3 * i + c];
    }

    int objectOffset() {
        return 15 + handDof + 4 * tips;
    }

    /** Element k of object i's pose: 0..2 position (m), 3..6 quaternion (x, y, z, w). */
    public double objectPose(int i, int k) {
        return data[objectOffset() + 7 * i + k];
    }

    int bodyOffset() {
        return objectOffset() + 7 * objects;
    }

    /** Writes scene body i's world pose (column-major 4×4) into {@code out16}. */
    public void bodyPose(int i, float[] out16) {
        int o = bodyOffset() + 16 * i;
        for (int k = 0; k < 16; k++) {
            out16[k] = (float) data[o + k];
        }
    }

    public int objectCount() {
        return objects;
    }

    public int bodyCount() {
        return bodies;
    }

    /** The raw values (layout in the class comment); the live array. */
    public double[] data() {
        return data;
    }

    public void copyFrom(SimSnapshot o) {
        System.arraycopy(o.data, 0, data, 0, data.length);
    }
}
