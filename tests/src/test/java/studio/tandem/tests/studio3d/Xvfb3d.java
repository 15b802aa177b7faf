package studio.tandem.tests.studio3d;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import studio.tandem.app.display.XvfbDisplay;

/**
 * Gives 3D tests a display (a {@code String} parameter, the {@code DISPLAY} value): this process's own
 * when {@code DISPLAY} is set, else a private {@code Xvfb :N} started for the test class (and stopped
 * after it); when neither exists the test is SKIPPED, not failed. The 3D view itself runs in a child
 * JVM with {@code -Dprism.order=es2 -Dprism.forceGPU=true}, because this JVM's toolkit is Monocle.
 */
public final class Xvfb3d implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Xvfb3d.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        if (XvfbDisplay.hasDisplay()) {
            return System.getenv("DISPLAY");
        }
        Assumptions.assumeTrue(XvfbDisplay.executable().isPresent(), "no DISPLAY and Xvfb is not installed");
        Holder h = c.getRoot().getStore(NS).getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        Assumptions.assumeTrue(h.display != null, () -> "Xvfb did not start: " + h.problem);
        return h.display.name();
    }

    /** Closed by JUnit when the root context ends. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        XvfbDisplay display;
        String problem = "";

        Holder() {
            try {
                display = XvfbDisplay.start();
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }

        @Override
        public void close() {
            if (display != null) {
                display.close();
            }
        }
    }
}
