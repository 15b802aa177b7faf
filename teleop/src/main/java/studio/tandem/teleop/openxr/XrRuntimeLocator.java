package studio.tandem.teleop.openxr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the active OpenXR runtime manifest the way the Khronos loader does on Linux
 * ({@code XR_RUNTIME_JSON}, then {@code openxr/1/active_runtime[.x86_64].json} under
 * {@code $XDG_CONFIG_HOME} (default {@code ~/.config}), each of {@code $XDG_CONFIG_DIRS} (default
 * {@code /etc/xdg}), {@code /usr/local/etc} and {@code /etc}), so "no runtime" is told in one line
 * without starting the loader. Pure apart from file-existence checks.
 */
public final class XrRuntimeLocator {
    private XrRuntimeLocator() {
    }

    /** The manifest the loader would use, if any. */
    public static Optional<Path> activeRuntime(Map<String, String> env, Path home) {
        String explicit = env.get("XR_RUNTIME_JSON");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : searchDirs(env, home)) {
            for (String name : new String[] {"active_runtime.x86_64.json", "active_runtime.json"}) {
                Path p = dir.resolve("openxr").resolve("1").resolve(name);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Directories searched, in order. */
    public static List<Path> searchDirs(Map<String, String> env, Path home) {
        List<Path> dirs = new ArrayList<>();
        String xdgHome = env.get("XDG_CONFIG_HOME");
        dirs.add(xdgHome == null || xdgHome.isBlank() ? home.resolve(".config") : Path.of(xdgHome));
        String xdgDirs = env.get("XDG_CONFIG_DIRS");
        for (String d : (xdgDirs == null || xdgDirs.isBlank() ? "/etc/xdg" : xdgDirs).split(":")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.add(Path.of("/usr/local/etc"));
        dirs.add(Path.of("/etc"));
        return dirs;
    }

    /** The one-line message when no runtime is installed. */
    public static String noRuntimeMessage() {
        return "OpenXR: no runtime installed (no active_runtime.json under ~/.config/openxr/1 or /etc/xdg/openxr/1, "
                + "XR_RUNTIME_JSON unset); start SteamVR, Monado, WiVRn or ALVR to use VR controllers";
    }
}
