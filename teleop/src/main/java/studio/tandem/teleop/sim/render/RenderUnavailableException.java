package studio.tandem.teleop.sim.render;

/**
 * No headless OpenGL on this machine (EGL library missing, no surfaceless platform, or no GL 3.3 core
 * context). The message is one line for the user and says what to install; callers fall back to
 * cameras without images (or a blank feed) instead of failing.
 */
public class RenderUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Packages that provide headless OpenGL on Debian/Ubuntu. */
    public static final String INSTALL_HINT = "install libegl1 libegl-mesa0 libgl1-mesa-dri";

    public RenderUnavailableException(String reason) {
        super("no OpenGL: " + reason + " (" + INSTALL_HINT + ")");
    }

    public RenderUnavailableException(String reason, Throwable cause) {
        super("no OpenGL: " + reason + " (" + INSTALL_HINT + ")", cause);
    }
}
