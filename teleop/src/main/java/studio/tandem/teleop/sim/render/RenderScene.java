package studio.tandem.teleop.sim.render;

import java.util.concurrent.locks.StampedLock;
import org.joml.Matrix4fc;

/**
 * The bodies, lights and background a simulated camera sees. World frame: metres, z up.
 *
 * <p>Thread-safe. Bodies are added at setup ({@link #addBody}); the physics thread then updates poses every
 * step ({@link #setPose}), optionally wrapped in {@link #beginUpdate()}/{@link #endUpdate()} so a renderer
 * sees a whole step or none of it. Renderers copy a consistent snapshot with an optimistic read (a seqlock
 * via {@link StampedLock}) and render from their copy, so no lock is held while rendering and the physics
 * thread is never blocked by one. Updates allocate nothing.
 */
public final class RenderScene {

    /** Most directional lights a scene can hold. */
    public static final int MAX_LIGHTS = 4;

    private final int capacity;
    private final int[] shapes;
    private final float[] dims;
    private final float[] poses;
    private final float[] colors;
    private final boolean[] visible;
    private final float[] lightDirs = new float[3 * MAX_LIGHTS];
    private final float[] lightColors = new float[3 * MAX_LIGHTS];
    private final float[] ambient = {0.30f, 0.30f, 0.32f};
    private final float[] background = {0.62f, 0.70f, 0.78f};
    private int lightCount;
    private int count;

    private final StampedLock lock = new StampedLock();
    private volatile Thread batchOwner;
    private long batchStamp;

    /**
     * @param capacity most bodies this scene will hold (a capsule counts once)
     */
    public RenderScene(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("scene capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        shapes = new int[capacity];
        dims = new float[3 * capacity];
        poses = new float[16 * capacity];
        colors = new float[4 * capacity];
        visible = new boolean[capacity];
        setDirectionalLightUnlocked(0, -0.35f, -0.25f, -1f, 0.75f, 0.75f, 0.72f);
        lightCount = 1;
    }

    public int capacity() {
        return capacity;
    }

    /** Number of bodies added so far. */
    public int bodyCount() {
        long stamp = lock.readLock();
        try {
            return count;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Adds a body at the world origin (identity pose), visible. Any thread; allocates nothing but is meant
     * for setup.
     *
     * @param dims shape dimensions in metres, see {@link Shape}
     * @param rgba colour, each component in [0, 1]; alpha below 1 blends (drawn after opaque bodies)
     * @return the body id, 0, 1, 2, ... in order of addition
     */
    public int addBody(Shape shape, float[] dims, float[] rgba) {
        checkDims(shape, dims);
        checkColor(rgba, "body colour");
        long stamp = writeLock();
        try {
            if (count == capacity) {
                throw new IllegalStateException("scene is full: capacity " + capacity + " bodies");
            }
            int id = count;
            shapes[id] = shape.ordinal();
            System.arraycopy(dims, 0, this.dims, 3 * id, shape.dimCount());
            identity(poses, 16 * id);
            System.arraycopy(rgba, 0, colors, 4 * id, 4);
            visible[id] = true;
            count = id + 1;
            return id;
        } finally {
            unlockWrite(stamp);
        }
    }

    /**
     * Sets a body's pose: body frame to world, a 4×4 column-major rigid transform (metres). Any thread,
     * typically the physics thread once per step; allocation-free.
     */
    public void setPose(int id, float[] m16ColumnMajorWorld) {
        if (m16ColumnMajorWorld.length < 16) {
            throw new IllegalArgumentException("pose of body " + id + " needs 16 floats, got "
                    + m16ColumnMajorWorld.length);
        }
        for (int i = 0; i < 16; i++) {
            if (!Float.isFinite(m16ColumnMajorWorld[i])) {
                throw new IllegalArgumentException("pose of body " + id + " has a non-finite element at " + i);
            }
        }
        long stamp = writeLock();
        try {
            checkId(id);
            System.arraycopy(m16ColumnMajorWorld, 0, poses, 16 * id, 16);
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Same as {@link #setPose(int, float[])} from a JOML matrix; allocation-free. */
    public void setPose(int id, Matrix4fc bodyToWorld) {
        if (!bodyToWorld.isFinite()) {
            throw new IllegalArgumentException("pose of body " + id + " is not finite");
        }
        long stamp = writeLock();
        try {
            checkId(id);
            bodyToWorld.get(poses, 16 * id);
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Convenience: pose with identity rotation at (x, y, z) metres. */
    public void setPosition(int id, float x, float y, float z) {
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
            throw new IllegalArgumentException("position of body " + id + " is not finite");
        }
        long stamp = writeLock();
        try {
            checkId(id);
            identity(poses, 16 * id);
            poses[16 * id + 12] = x;
            poses[16 * id + 13] = y;
            poses[16 * id + 14] = z;
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Copies a body's current pose (column-major, body to world) into {@code dst[0..16)}. Any thread. */
    public void getPose(int id, float[] dst) {
        long stamp = lock.readLock();
        try {
            checkId(id);
            System.arraycopy(poses, 16 * id, dst, 0, 16);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Changes a body's colour (e.g. to highlight it). Any thread. */
    public void setColor(int id, float[] rgba) {
        checkColor(rgba, "colour of body " + id);
        long stamp = writeLock();
        try {
            checkId(id);
            System.arraycopy(rgba, 0, colors, 4 * id, 4);
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Shows or hides a body. Any thread. */
    public void setVisible(int id, boolean show) {
        long stamp = writeLock();
        try {
            checkId(id);
            visible[id] = show;
        } finally {
            unlockWrite(stamp);
        }
    }

    /**
     * Starts a batch of updates on the calling thread: the renderer sees all updates up to
     * {@link #endUpdate()} at once or none. Other writers wait; renderers never do. Not reentrant.
     */
    public void beginUpdate() {
        if (batchOwner == Thread.currentThread()) {
            throw new IllegalStateException("beginUpdate called twice without endUpdate");
        }
        long stamp = lock.writeLock();
        batchStamp = stamp;
        batchOwner = Thread.currentThread();
    }

    /** Ends the batch started by {@link #beginUpdate()} on this thread and publishes it. */
    public void endUpdate() {
        if (batchOwner != Thread.currentThread()) {
            throw new IllegalStateException("endUpdate without beginUpdate on this thread");
        }
        batchOwner = null;
        lock.unlockWrite(batchStamp);
    }

    /** Ambient light colour, each component in [0, 1]. Any thread. */
    public void setAmbient(float r, float g, float b) {
        checkRgb(r, g, b, "ambient light");
        long stamp = writeLock();
        try {
            ambient[0] = r;
            ambient[1] = g;
            ambient[2] = b;
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Clear colour behind everything, each component in [0, 1]. Any thread. */
    public void setBackground(float r, float g, float b) {
        checkRgb(r, g, b, "background");
        long stamp = writeLock();
        try {
            background[0] = r;
            background[1] = g;
            background[2] = b;
        } finally {
            unlockWrite(stamp);
        }
    }

    /**
     * Sets directional light {@code index} (0 ≤ index &lt; {@link #MAX_LIGHTS}); lights 0..index are then
     * active. A scene starts with one light from above. Any thread.
     *
     * @param dx direction the light travels, world frame (need not be normalised)
     * @param r red intensity in [0, 1] (likewise g, b)
     */
    public void setDirectionalLight(int index, float dx, float dy, float dz, float r, float g, float b) {
        if (index < 0 || index >= MAX_LIGHTS) {
            throw new IllegalArgumentException("light index " + index + " outside 0.." + (MAX_LIGHTS - 1));
        }
        float len = (float) Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (!(len > 1e-6f) || !Float.isFinite(len)) {
            throw new IllegalArgumentException("light " + index + " direction must be a finite non-zero vector");
        }
        checkRgb(r, g, b, "light " + index);
        long stamp = writeLock();
        try {
            setDirectionalLightUnlocked(index, dx / len, dy / len, dz / len, r, g, b);
            lightCount = Math.max(lightCount, index + 1);
        } finally {
            unlockWrite(stamp);
        }
    }

    /** Turns off every light from {@code count} on (0 leaves only ambient light). Any thread. */
    public void setLightCount(int count) {
        if (count < 0 || count > MAX_LIGHTS) {
            throw new IllegalArgumentException("light count " + count + " outside 0.." + MAX_LIGHTS);
        }
        long stamp = writeLock();
        try {
            lightCount = count;
        } finally {
            unlockWrite(stamp);
        }
    }

    /**
     * Copies a consistent state into {@code s} without blocking writers (retries an optimistic read, takes the
     * read lock only after repeated interference). Allocation-free once {@code s} has this scene's capacity.
     */
    void copyTo(SceneSnapshot s) {
        s.ensureCapacity(capacity);
        for (int attempt = 0; attempt < 16; attempt++) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0L) {
                copyUnlocked(s);
                if (lock.validate(stamp)) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        long stamp = lock.readLock();
        try {
            copyUnlocked(s);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private void copyUnlocked(SceneSnapshot s) {
        int n = Math.min(count, capacity);
        s.count = n;
        System.arraycopy(shapes, 0, s.shapes, 0, n);
        System.arraycopy(dims, 0, s.dims, 0, 3 * n);
        System.arraycopy(poses, 0, s.poses, 0, 16 * n);
        System.arraycopy(colors, 0, s.colors, 0, 4 * n);
        System.arraycopy(visible, 0, s.visible, 0, n);
        int lights = Math.min(lightCount, MAX_LIGHTS);
        s.lightCount = lights;
        System.arraycopy(lightDirs, 0, s.lightDirs, 0, 3 * MAX_LIGHTS);
        System.arraycopy(lightColors, 0, s.lightColors, 0, 3 * MAX_LIGHTS);
        System.arraycopy(ambient, 0, s.ambient, 0, 3);
        System.arraycopy(background, 0, s.background, 0, 3);
    }

    private long writeLock() {
        return batchOwner == Thread.currentThread() ? 0L : lock.writeLock();
    }

    private void unlockWrite(long stamp) {
        if (stamp != 0L) {
            lock.unlockWrite(stamp);
        }
    }

    private void checkId(int id) {
        if (id < 0 || id >= count) {
            throw new IllegalArgumentException("no body " + id + " (scene has " + count + ")");
        }
    }

    private void setDirectionalLightUnlocked(int i, float dx, float dy, float dz, float r, float g, float b) {
        lightDirs[3 * i] = dx;
        lightDirs[3 * i + 1] = dy;
        lightDirs[3 * i + 2] = dz;
        lightColors[3 * i] = r;
        lightColors[3 * i + 1] = g;
        lightColors[3 * i + 2] = b;
    }

    private static void identity(float[] m, int off) {
        for (int i = 0; i < 16; i++) {
            m[off + i] = (i % 5 == 0) ? 1f : 0f;
        }
    }

    private static void checkDims(Shape shape, float[] dims) {
        if (dims.length != shape.dimCount()) {
            throw new IllegalArgumentException(shape + " needs " + shape.dimCount() + " dims (" + shape.dimNames()
                    + "), got " + dims.length);
        }
        for (int i = 0; i < dims.length; i++) {
            if (!(dims[i] > 0f) || !Float.isFinite(dims[i])) {
                throw new IllegalArgumentException(shape + " dim " + i + " (" + shape.dimNames()
                        + ") must be a positive finite length in metres, got " + dims[i]);
            }
        }
    }

    private static void checkRgb(float r, float g, float b, String what) {
        if (!(r >= 0f && r <= 1f && g >= 0f && g <= 1f && b >= 0f && b <= 1f)) {
            throw new IllegalArgumentException(what + " components must be in [0, 1], got (" + r + ", " + g + ", "
                    + b + ")");
        }
    }

    private static void checkColor(float[] rgba, String what) {
        if (rgba.length != 4) {
            throw new IllegalArgumentException(what + " needs 4 components (r,g,b,a), got " + rgba.length);
        }
        for (int i = 0; i < 4; i++) {
            if (!(rgba[i] >= 0f && rgba[i] <= 1f)) {
                throw new IllegalArgumentException(what + " component " + i + " must be in [0, 1], got " + rgba[i]);
            }
        }
    }
}
