package studio.tandem.teleop.retarget;

import org.joml.Vector3d;

/**
 * An axis-aligned box in the robot base frame (metres) that the TCP target is clamped into.
 * Counts clamped samples. Control thread; allocation-free.
 */
public final class WorkspaceBox {
    private final double minX;
    private final double minY;
    private final double minZ;
    private final double maxX;
    private final double maxY;
    private final double maxZ;
    private long clamped;

    public WorkspaceBox(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
        if (!(minX < maxX) || !(minY < maxY) || !(minZ < maxZ)) {
            throw new IllegalArgumentException("workspace: each min must be < max, got ["
                    + minX + "," + minY + "," + minZ + "] .. [" + maxX + "," + maxY + "," + maxZ + "]");
        }
        this.minX = minX;
        this.minY = minY;
        this.minZ = minZ;
        this.maxX = maxX;
        this.maxY = maxY;
        this.maxZ = maxZ;
    }

    /** Clamps {@code p} in place; true if it was outside. */
    public boolean clamp(Vector3d p) {
        double x = Math.max(minX, Math.min(maxX, p.x));
        double y = Math.max(minY, Math.min(maxY, p.y));
        double z = Math.max(minZ, Math.min(maxZ, p.z));
        boolean out = x != p.x || y != p.y || z != p.z;
        if (out) {
            p.set(x, y, z);
            clamped++;
        }
        return out;
    }

    public boolean contains(Vector3d p) {
        return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY && p.z >= minZ && p.z <= maxZ;
    }

    /** Number of samples that had to be clamped. */
    public long clampedCount() {
        return clamped;
    }
}
