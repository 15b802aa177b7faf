package studio.tandem.teleop.sim.render;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.joml.Matrix3f;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless OpenGL renderer for simulated cameras: EGL surfaceless context (no display server), an offscreen
 * framebuffer with depth (MSAA optional), GL 3.3 core shaders. Renders a {@link RenderScene} through a
 * {@link CameraView} into a caller-owned RGB buffer. One renderer serves any number of views up to its maximum
 * size (e.g. a 320×240 scene camera and a wrist camera).
 *
 * <p>Threading: the GL context is made current on the thread that constructs the renderer, and
 * {@link #render} and {@link #close} must be called on that same thread (checked). Give it a dedicated
 * render thread; the physics thread only writes poses into the scene.
 *
 * <p>{@link #render} allocates nothing: matrices and uniform buffers are preallocated.
 */
public final class OffscreenRenderer implements AutoCloseable {

    /** Default largest view: 640×480. */
    public static final int DEFAULT_MAX_WIDTH = 640;
    public static final int DEFAULT_MAX_HEIGHT = 480;

    private static final Logger LOG = LoggerFactory.getLogger(OffscreenRenderer.class);

    private final Thread owner;
    private final int maxWidth;
    private final int maxHeight;
    private final EglContext egl;
    private final String glRenderer;
    private final RenderTarget target;
    private final ShaderProgram shader;
    private final PrimitiveMeshes meshes = new PrimitiveMeshes();
    private final int vao;
    private final int vbo;
    private final int ebo;

    private final SceneSnapshot snapshot = new SceneSnapshot();
    private final Matrix4f cameraToWorld = new Matrix4f();
    private final Matrix4f view = new Matrix4f();
    private final Matrix4f projection = new Matrix4f();
    private final Matrix4f viewProj = new Matrix4f();
    private final Matrix4f model = new Matrix4f();
    private final Matrix3f normal = new Matrix3f();
    private final FloatBuffer mat4 = MemoryUtil.memAllocFloat(16);
    private final FloatBuffer mat3 = MemoryUtil.memAllocFloat(9);
    private final FloatBuffer lights = MemoryUtil.memAllocFloat(3 * RenderScene.MAX_LIGHTS);
    private long frames;
    private boolean closed;

    /** A renderer for views up to 640×480 without multisampling. */
    public OffscreenRenderer() throws RenderUnavailableException {
        this(DEFAULT_MAX_WIDTH, DEFAULT_MAX_HEIGHT, 0);
    }

    /**
     * Creates the context on the calling thread, which then owns this renderer.
     *
     * @param maxWidth     largest view width in pixels
     * @param maxHeight    largest view height in pixels
     * @param msaaSamples  multisample count (0 = off; 4 smooths edges at some cost)
     * @throws RenderUnavailableException when the machine has no headless OpenGL (message says what to install)
     */
    public OffscreenRenderer(int maxWidth, int maxHeight, int msaaSamples) throws RenderUnavailableException {
        if (maxWidth < 1 || maxHeight < 1) {
            throw new IllegalArgumentException("renderer size must be at least 1x1, got " + maxWidth + "x" + maxHeight);
        }
        if (msaaSamples < 0) {
            throw new IllegalArgumentException("MSAA samples must be >= 0, got " + msaaSamples);
        }
        this.owner = Thread.currentThread();
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        this.egl = EglContext.createCurrent();
        try {
            checkLimits(maxWidth, maxHeight, msaaSamples);
            glRenderer = glGetString(GL_RENDERER);
            target = new RenderTarget(maxWidth, maxHeight, msaaSamples);
            shader = new ShaderProgram();
            vao = glGenVertexArrays();
            vbo = glGenBuffers();
            ebo = glGenBuffers();
            uploadMeshes();
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LESS);
            glDisable(GL_CULL_FACE);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
            checkGlError("renderer setup");
        } catch (RuntimeException e) {
            freeBuffers();
            egl.close();
            throw e;
        }
        LOG.info("offscreen renderer on {} ({}x{} max, {} MSAA samples)", glRenderer, maxWidth, maxHeight,
                msaaSamples);
    }

    /** The GL implementation, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}. */
    public String glRenderer() {
        return glRenderer;
    }

    public int maxWidth() {
        return maxWidth;
    }

    public int maxHeight() {
        return maxHeight;
    }

    /** Frames rendered so far. Owner thread. */
    public long framesRendered() {
        return frames;
    }

    /**
     * Renders the scene's latest consistent state as seen by {@code camera} and writes width×height×3 bytes of
     * RGB (8 bits each, rows top first, pixels left to right) into {@code rgbOut} starting at its position;
     * the buffer's position and limit are left unchanged. Owner thread only; allocation-free.
     *
     * @param rgbOut a direct buffer with at least {@link CameraView#rgbBytes()} bytes remaining
     */
    public void render(RenderScene scene, CameraView camera, ByteBuffer rgbOut) {
        checkOwner();
        int w = camera.width();
        int h = camera.height();
        if (w > maxWidth || h > maxHeight) {
            throw new IllegalArgumentException("view " + w + "x" + h + " exceeds the renderer's maximum "
                    + maxWidth + "x" + maxHeight);
        }
        if (!rgbOut.isDirect() || rgbOut.remaining() < camera.rgbBytes()) {
            throw new IllegalArgumentException("RGB output must be a direct buffer with " + camera.rgbBytes()
                    + " bytes remaining, got " + (rgbOut.isDirect() ? rgbOut.remaining() + " bytes" : "a heap buffer"));
        }
        egl.makeCurrent();
        scene.copyTo(snapshot);
        camera.cameraToWorld(snapshot, cameraToWorld);
        camera.projection(projection);
        cameraToWorld.invertAffine(view);
        projection.mul(view, viewProj);

        target.bindForDrawing();
        glViewport(0, 0, w, h);
        glEnable(GL_SCISSOR_TEST);
        glScissor(0, 0, w, h);
        glClearColor(snapshot.background[0], snapshot.background[1], snapshot.background[2], 1f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        setFrameUniforms();
        glBindVertexArray(vao);
        drawBodies(false);
        glEnable(GL_BLEND);
        glDepthMask(false);
        drawBodies(true);
        glDepthMask(true);
        glDisable(GL_BLEND);
        glDisable(GL_SCISSOR_TEST);

        target.bindForReading(w, h);
        glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, rgbOut);
        frames++;
    }

    private void setFrameUniforms() {
        glUseProgram(shader.id);
        viewProj.get(0, mat4);
        glUniformMatrix4fv(shader.uViewProj, false, mat4);
        glUniform3f(shader.uEye, cameraToWorld.m30(), cameraToWorld.m31(), cameraToWorld.m32());
        glUniform3f(shader.uAmbient, snapshot.ambient[0], snapshot.ambient[1], snapshot.ambient[2]);
        int n = snapshot.lightCount;
        glUniform1i(shader.uLightCount, n);
        if (n > 0) {
            lights.clear();
            lights.put(snapshot.lightDirs, 0, 3 * n).flip();
            glUniform3fv(shader.uLightDir, lights);
            lights.clear();
            lights.put(snapshot.lightColors, 0, 3 * n).flip();
            glUniform3fv(shader.uLightColor, lights);
        }
    }

    /** Draws the visible bodies that are opaque ({@code translucent == false}) or translucent. */
    private void drawBodies(boolean translucent) {
        SceneSnapshot s = snapshot;
        for (int i = 0; i < s.count; i++) {
            float alpha = s.colors[4 * i + 3];
            if (!s.visible[i] || (alpha < 1f) != translucent || alpha <= 0f) {
                continue;
            }
            glUniform4f(shader.uColor, s.colors[4 * i], s.colors[4 * i + 1], s.colors[4 * i + 2], alpha);
            drawBody(i);
        }
    }

    private void drawBody(int i) {
        SceneSnapshot s = snapshot;
        float d0 = s.dims[3 * i];
        float d1 = s.dims[3 * i + 1];
        float d2 = s.dims[3 * i + 2];
        switch (s.shapes[i]) {
            case 0 -> drawMesh(PrimitiveMeshes.CUBE, i, 0f, d0, d1, d2);            // BOX
            case 1 -> drawMesh(PrimitiveMeshes.SPHERE, i, 0f, d0, d0, d0);          // SPHERE
            case 2 -> drawMesh(PrimitiveMeshes.CYLINDER, i, 0f, d0, d0, d1);        // CYLINDER
            case 3 -> {                                                              // CAPSULE
                drawMesh(PrimitiveMeshes.CYLINDER, i, 0f, d0, d0, d1);
                drawMesh(PrimitiveMeshes.SPHERE, i, d1, d0, d0, d0);
                drawMesh(PrimitiveMeshes.SPHERE, i, -d1, d0, d0, d0);
            }
            default -> drawMesh(PrimitiveMeshes.QUAD, i, 0f, d0, d1, 1f);          // PLANE
        }
    }

    /** Draws a unit mesh scaled by (sx, sy, sz) and shifted by dz along the body's z axis. */
    private void drawMesh(int mesh, int body, float dz, float sx, float sy, float sz) {
        model.set(snapshot.poses, 16 * body).translate(0f, 0f, dz).scale(sx, sy, sz);
        model.normal(normal);
        model.get(0, mat4);
        normal.get(0, mat3);
        glUniformMatrix4fv(shader.uModel, false, mat4);
        glUniformMatrix3fv(shader.uNormal, false, mat3);
        glDrawElements(GL_TRIANGLES, meshes.indexCount(mesh), GL_UNSIGNED_INT, 4L * meshes.firstIndex(mesh));
    }

    private void uploadMeshes() {
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, meshes.vertices(), GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, meshes.indices(), GL_STATIC_DRAW);
        int stride = PrimitiveMeshes.FLOATS_PER_VERTEX * Float.BYTES;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 3, GL_FLOAT, false, stride, 0L);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, stride, 3L * Float.BYTES);
    }

    private static void checkLimits(int width, int height, int samples) {
        int maxSize = glGetInteger(GL_MAX_RENDERBUFFER_SIZE);
        if (width > maxSize || height > maxSize) {
            throw new IllegalArgumentException("renderer size " + width + "x" + height + " exceeds the GL limit "
                    + maxSize);
        }
        int maxSamples = glGetInteger(GL_MAX_SAMPLES);
        if (samples > maxSamples) {
            throw new IllegalArgumentException("MSAA samples " + samples + " exceed the GL limit " + maxSamples);
        }
    }

    private static void checkGlError(String where) {
        int err = glGetError();
        if (err != GL_NO_ERROR) {
            throw new IllegalStateException("OpenGL error 0x" + Integer.toHexString(err) + " during " + where);
        }
    }

    private void checkOwner() {
        if (closed) {
            throw new IllegalStateException("renderer is closed");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("renderer belongs to thread '" + owner.getName()
                    + "'; called from '" + Thread.currentThread().getName() + "'");
        }
    }

    /** Frees GL objects, the context and native buffers. Owner thread; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkOwner();
        closed = true;
        egl.makeCurrent();
        glBindVertexArray(0);
        glDeleteBuffers(vbo);
        glDeleteBuffers(ebo);
        glDeleteVertexArrays(vao);
        shader.close();
        target.close();
        egl.close();
        freeBuffers();
    }

    private void freeBuffers() {
        MemoryUtil.memFree(mat4);
        MemoryUtil.memFree(mat3);
        MemoryUtil.memFree(lights);
    }
}
