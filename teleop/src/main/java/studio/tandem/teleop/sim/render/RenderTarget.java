package studio.tandem.teleop.sim.render;

import static org.lwjgl.opengl.GL33C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL33C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_DEPTH24_STENCIL8;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_STENCIL_ATTACHMENT;
import static org.lwjgl.opengl.GL33C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL33C.GL_NEAREST;
import static org.lwjgl.opengl.GL33C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RGBA8;
import static org.lwjgl.opengl.GL33C.glBindFramebuffer;
import static org.lwjgl.opengl.GL33C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL33C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL33C.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL33C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL33C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL33C.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL33C.glGenFramebuffers;
import static org.lwjgl.opengl.GL33C.glGenRenderbuffers;
import static org.lwjgl.opengl.GL33C.glRenderbufferStorageMultisample;

/**
 * The offscreen framebuffer: RGBA8 colour and 24-bit depth at the renderer's maximum size, multisampled when
 * asked, plus a single-sampled resolve target to read from in that case. Views smaller than the maximum use
 * the lower-left corner. Render thread only.
 */
final class RenderTarget implements AutoCloseable {

    private final int samples;
    private final int drawFbo;
    private final int drawColor;
    private final int drawDepth;
    private final int resolveFbo;
    private final int resolveColor;

    RenderTarget(int width, int height, int samples) {
        this.samples = samples;
        drawFbo = glGenFramebuffers();
        drawColor = renderbuffer(GL_RGBA8, width, height, samples);
        drawDepth = renderbuffer(GL_DEPTH24_STENCIL8, width, height, samples);
        glBindFramebuffer(GL_FRAMEBUFFER, drawFbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, drawColor);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, drawDepth);
        checkComplete("offscreen framebuffer");
        if (samples > 0) {
            resolveFbo = glGenFramebuffers();
            resolveColor = renderbuffer(GL_RGBA8, width, height, 0);
            glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColor);
            checkComplete("MSAA resolve framebuffer");
        } else {
            resolveFbo = 0;
            resolveColor = 0;
        }
        glBindFramebuffer(GL_FRAMEBUFFER, drawFbo);
    }

    /** Binds the framebuffer to draw into. */
    void bindForDrawing() {
        glBindFramebuffer(GL_FRAMEBUFFER, drawFbo);
    }

    /** Resolves the multisampled image if any and binds the framebuffer to read the w×h result from. */
    void bindForReading(int width, int height) {
        if (samples > 0) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, drawFbo);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo);
            glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo);
        } else {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, drawFbo);
        }
    }

    private static int renderbuffer(int format, int width, int height, int samples) {
        int rb = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
        return rb;
    }

    private static void checkComplete(String what) {
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException(what + " is incomplete (status 0x" + Integer.toHexString(status) + ")");
        }
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(drawFbo);
        glDeleteRenderbuffers(drawColor);
        glDeleteRenderbuffers(drawDepth);
        if (samples > 0) {
            glDeleteFramebuffers(resolveFbo);
            glDeleteRenderbuffers(resolveColor);
        }
    }
}
