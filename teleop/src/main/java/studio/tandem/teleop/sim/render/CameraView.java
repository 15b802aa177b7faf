package studio.tandem.teleop.sim.render;

import org.joml.Matrix4f;

/**
 * A pinhole camera: image size, vertical field of view, clip planes and pose.
 *
 * <p>Camera frame: the optical convention of OpenCV and ROS ({@code *_optical_frame}): x to the image's right,
 * y down the image, z forward along the viewing direction. Poses are camera-to-world, 4×4 column-major,
 * metres. A camera is either placed in the world ({@link #lookAt}, {@link #setWorldPose}) or attached to a
 * body ({@link #attachTo}), in which case its pose is taken from the same scene snapshot the frame is
 * rendered from, so a wrist camera never lags or leads the arm it sits on.
 *
 * <p>Not thread-safe: configure it on the thread that renders it (or before handing it over).
 */
public final class CameraView {

    private final int width;
    private final int height;
    private final float verticalFovDeg;
    private final float near;
    private final float far;
    private final Matrix4f cameraToWorld = new Matrix4f();
    private final Matrix4f mount = new Matrix4f();
    private int attachedBody = -1;

    /**
     * @param width          image width in pixels (≥ 1)
     * @param height         image height in pixels (≥ 1)
     * @param verticalFovDeg vertical field of view in degrees, in (0, 180)
     * @param near           near clip distance in metres (&gt; 0)
     * @param far            far clip distance in metres (&gt; near)
     */
    public CameraView(int width, int height, float verticalFovDeg, float near, float far) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("camera size must be at least 1x1, got " + width + "x" + height);
        }
        if (!(verticalFovDeg > 0f && verticalFovDeg < 180f)) {
            throw new IllegalArgumentException("camera vertical FOV must be in (0, 180) degrees, got " + verticalFovDeg);
        }
        if (!(near > 0f) || !(far > near) || !Float.isFinite(far)) {
            throw new IllegalArgumentException("camera clip planes need 0 < near < far, got near=" + near
                    + " far=" + far);
        }
        this.width = width;
        this.height = height;
        this.verticalFovDeg = verticalFovDeg;
        this.near = near;
        this.far = far;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes one RGB frame of this view needs: width × height × 3. */
    public int rgbBytes() {
        return width * height * 3;
    }

    public float verticalFovDeg() {
        return verticalFovDeg;
    }

    public float near() {
        return near;
    }

    public float far() {
        return far;
    }

    /** Focal length in pixels (same horizontally and vertically: square pixels). */
    public float focalLengthPx() {
        return (float) (0.5 * height / Math.tan(Math.toRadians(verticalFovDeg) * 0.5));
    }

    /** Body the camera is attached to, or -1 when placed in the world. */
    public int attachedBody() {
        return attachedBody;
    }

    /**
     * Places the camera at {@code eye} looking at {@code target}, with {@code up} pointing up in the image
     * (world frame, metres). Detaches the camera from any body.
     */
    public CameraView lookAt(float eyeX, float eyeY, float eyeZ, float targetX, float targetY, float targetZ,
            float upX, float upY, float upZ) {
        float fx = targetX - eyeX;
        float fy = targetY - eyeY;
        float fz = targetZ - eyeZ;
        float fl = (float) Math.sqrt(fx * fx + fy * fy + fz * fz);
        // right = forward × up
        float rx = fy * upZ - fz * upY;
        float ry = fz * upX - fx * upZ;
        float rz = fx * upY - fy * upX;
        float rl = (float) Math.sqrt(rx * rx + ry * ry + rz * rz);
        if (!(fl > 1e-6f) || !(rl > 1e-6f * fl) || !Float.isFinite(fl + rl + eyeX + eyeY + eyeZ)) {
            throw new IllegalArgumentException("camera lookAt needs distinct finite eye and target and an up vector "
                    + "not parallel to the viewing direction");
        }
        fx /= fl;
        fy /= fl;
        fz /= fl;
        rx /= rl;
        ry /= rl;
        rz /= rl;
        // down = forward × right
        float dx = fy * rz - fz * ry;
        float dy = fz * rx - fx * rz;
        float dz = fx * ry - fy * rx;
        cameraToWorld.set(rx, ry, rz, 0f, dx, dy, dz, 0f, fx, fy, fz, 0f, eyeX, eyeY, eyeZ, 1f);
        attachedBody = -1;
        return this;
    }

    /** Places the camera with a camera-to-world pose (optical frame, column-major). Detaches it. */
    public CameraView setWorldPose(float[] m16ColumnMajor) {
        checkMatrix(m16ColumnMajor, "camera world pose");
        cameraToWorld.set(m16ColumnMajor);
        attachedBody = -1;
        return this;
    }

    /**
     * Attaches the camera to a scene body: camera pose = body pose × {@code mountM16} (camera-to-body,
     * optical frame, column-major). The body's pose is read from each frame's snapshot.
     */
    public CameraView attachTo(int bodyId, float[] mountM16ColumnMajor) {
        if (bodyId < 0) {
            throw new IllegalArgumentException("camera cannot attach to body " + bodyId);
        }
        checkMatrix(mountM16ColumnMajor, "camera mount pose");
        mount.set(mountM16ColumnMajor);
        attachedBody = bodyId;
        return this;
    }

    /** Camera-to-world for this frame. Render thread; allocation-free. */
    void cameraToWorld(SceneSnapshot s, Matrix4f dst) {
        if (attachedBody < 0) {
            dst.set(cameraToWorld);
            return;
        }
        if (attachedBody >= s.count) {
            throw new IllegalStateException("camera is attached to body " + attachedBody + " but the scene has "
                    + s.count + " bodies");
        }
        dst.set(s.poses, 16 * attachedBody).mul(mount);
    }

    /**
     * Optical-frame projection: image row 0 (the top) lands on the framebuffer's first row, so glReadPixels
     * returns the image top row first without a flip.
     */
    void projection(Matrix4f dst) {
        float f = (float) (1.0 / Math.tan(Math.toRadians(verticalFovDeg) * 0.5));
        float aspect = (float) width / height;
        float a = (far + near) / (far - near);
        float b = -2f * far * near / (far - near);
        dst.set(f / aspect, 0f, 0f, 0f, 0f, f, 0f, 0f, 0f, 0f, a, 1f, 0f, 0f, b, 0f);
    }

    private static void checkMatrix(float[] m, String what) {
        if (m.length != 16) {
            throw new IllegalArgumentException(what + " needs 16 floats (column-major 4x4), got " + m.length);
        }
        for (int i = 0; i < 16; i++) {
            if (!Float.isFinite(m[i])) {
                throw new IllegalArgumentException(what + " has a non-finite element at " + i);
            }
        }
    }
}
