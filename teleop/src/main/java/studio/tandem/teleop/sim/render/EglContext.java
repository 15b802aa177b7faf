package studio.tandem.teleop.sim.render;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;

import java.nio.ByteBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGL14;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.FunctionProvider;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenGL 3.3 core context on EGL's surfaceless platform (Mesa), current on the thread that created it.
 * No window system and no display server are needed. The EGL display is process-wide and reference
 * counted: the last context to close terminates it.
 *
 * <p>Confined to the creating thread (a GL context is current on one thread only).
 */
final class EglContext implements AutoCloseable {

    /** {@code EGL_PLATFORM_SURFACELESS_MESA} from EGL_MESA_platform_surfaceless. */
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private static final Object LOCK = new Object();
    private static long sharedDisplay;
    private static int displayUsers;
    private static String loadFailure;

    private final long display;
    private final long context;
    private final GLCapabilities caps;
    private boolean closed;

    private EglContext(long display, long context, GLCapabilities caps) {
        this.display = display;
        this.context = context;
        this.caps = caps;
    }

    /** Creates a GL 3.3 core context and makes it current on the calling thread. */
    static EglContext createCurrent() throws RenderUnavailableException {
        long display = acquireDisplay();
        try {
            long context = createContext(display);
            if (!EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                EGL10.eglDestroyContext(display, context);
                throw new RenderUnavailableException("eglMakeCurrent without a surface failed (EGL error 0x"
                        + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            GLCapabilities caps = GL.createCapabilities();
            if (!caps.OpenGL33) {
                EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
                EGL10.eglDestroyContext(display, context);
                throw new RenderUnavailableException("the GL driver offers no OpenGL 3.3 core profile");
            }
            return new EglContext(display, context, caps);
        } catch (RenderUnavailableException | RuntimeException e) {
            releaseDisplay();
            throw e;
        }
    }

    /**
     * Makes this context current on the calling thread if another one is (several renderers may share a
     * thread), together with its LWJGL function table. Allocation-free.
     */
    void makeCurrent() {
        if (EGL14.eglGetCurrentContext() == context) {
            return;
        }
        if (!EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            throw new IllegalStateException("eglMakeCurrent failed (EGL error 0x"
                    + Integer.toHexString(EGL10.eglGetError()) + ")");
        }
        GL.setCapabilities(caps);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        EGL10.eglDestroyContext(display, context);
        EGL12.eglReleaseThread();
        GL.setCapabilities(null);
        releaseDisplay();
    }

    private static long createContext(long display) throws RenderUnavailableException {
        if (!EGL12.eglBindAPI(EGL_OPENGL_API)) {
            throw new RenderUnavailableException("EGL cannot bind the desktop OpenGL API");
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer configs = stack.mallocPointer(1);
            var count = stack.mallocInt(1);
            var configAttribs = stack.ints(EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                    EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE);
            if (!EGL10.eglChooseConfig(display, configAttribs, configs, count) || count.get(0) == 0) {
                throw new RenderUnavailableException("EGL has no config for desktop OpenGL");
            }
            var ctxAttribs = stack.ints(EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                    EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE);
            long context = EGL10.eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, ctxAttribs);
            if (context == EGL_NO_CONTEXT) {
                throw new RenderUnavailableException("EGL cannot create an OpenGL 3.3 core context (EGL error 0x"
                        + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            return context;
        }
    }

    private static long acquireDisplay() throws RenderUnavailableException {
        synchronized (LOCK) {
            if (displayUsers == 0) {
                sharedDisplay = openDisplay();
            }
            displayUsers++;
            return sharedDisplay;
        }
    }

    private static void releaseDisplay() {
        synchronized (LOCK) {
            if (--displayUsers == 0) {
                EGL10.eglTerminate(sharedDisplay);
                sharedDisplay = EGL_NO_DISPLAY;
            }
        }
    }

    private static long openDisplay() throws RenderUnavailableException {
        EGLCapabilities client = loadEgl();
        String clientExtensions = EGL10.eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        if (clientExtensions == null || !clientExtensions.contains("EGL_MESA_platform_surfaceless")) {
            throw new RenderUnavailableException("EGL lacks the surfaceless platform (EGL_MESA_platform_surfaceless)");
        }
        long display = getPlatformDisplay(client);
        if (display == EGL_NO_DISPLAY) {
            throw new RenderUnavailableException("EGL has no surfaceless display (EGL error 0x"
                    + Integer.toHexString(EGL10.eglGetError()) + ")");
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var major = stack.mallocInt(1);
            var minor = stack.mallocInt(1);
            if (!EGL10.eglInitialize(display, major, minor)) {
                throw new RenderUnavailableException("eglInitialize failed on the surfaceless display (EGL error 0x"
                        + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
        }
        return display;
    }

    /**
     * LWJGL's wrapper refuses a null native display, which the surfaceless platform requires, so the EGL
     * entry point is called through its function pointer.
     */
    private static long getPlatformDisplay(EGLCapabilities client) throws RenderUnavailableException {
        long fn = client.eglGetPlatformDisplay != 0 ? client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
        if (fn == 0) {
            throw new RenderUnavailableException("EGL has neither eglGetPlatformDisplay nor eglGetPlatformDisplayEXT");
        }
        return JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, fn);
    }

    /**
     * Loads libEGL and points LWJGL's GL bindings at eglGetProcAddress (once per process; a failure is
     * remembered, since the JVM cannot retry a failed class initialisation). Caller holds LOCK.
     */
    private static EGLCapabilities loadEgl() throws RenderUnavailableException {
        if (loadFailure != null) {
            throw new RenderUnavailableException(loadFailure);
        }
        try {
            Configuration.OPENGL_EXPLICIT_INIT.set(true);
            EGLCapabilities client = EGL.getCapabilities();
            if (GL.getFunctionProvider() == null) {
                GL.create(new EglProcAddress());
            }
            return client;
        } catch (LinkageError | IllegalStateException e) {
            loadFailure = "cannot load libEGL (" + e.getMessage() + ")";
            throw new RenderUnavailableException(loadFailure, e);
        }
    }

    /** Resolves GL entry points through EGL; Mesa's eglGetProcAddress returns core functions too. */
    private static final class EglProcAddress implements FunctionProvider {
        @Override
        public long getFunctionAddress(ByteBuffer functionName) {
            return EGL10.eglGetProcAddress(functionName);
        }
    }
}
