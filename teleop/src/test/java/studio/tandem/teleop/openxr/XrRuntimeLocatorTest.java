package studio.tandem.teleop.openxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XrRuntimeLocatorTest {
    @TempDir
    Path dir;

    @Test
    void findsTheManifestLikeTheLoader() throws IOException {
        Path home = dir.resolve("home");
        Path xdg = dir.resolve("xdg");
        Map<String, String> env = Map.of("XDG_CONFIG_DIRS", xdg.toString());
        assertThat(XrRuntimeLocator.activeRuntime(env, home)).isEmpty();
        Path system = xdg.resolve("openxr/1/active_runtime.json");
        Files.createDirectories(system.getParent());
        Files.writeString(system, "{}");
        assertThat(XrRuntimeLocator.activeRuntime(env, home)).contains(system);
        Path user = home.resolve(".config/openxr/1/active_runtime.json"); // the user's wins
        Files.createDirectories(user.getParent());
        Files.writeString(user, "{}");
        assertThat(XrRuntimeLocator.activeRuntime(env, home)).contains(user);
        assertThat(XrRuntimeLocator.activeRuntime(Map.of("XR_RUNTIME_JSON", dir.resolve("none.json").toString()), home))
                .isEmpty();
        assertThat(XrRuntimeLocator.noRuntimeMessage()).startsWith("OpenXR").doesNotContain("\n");
    }
}
