package studio.tandem.teleop.device;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one device's entry of a station configuration (the map a YAML loader produces), with
 * errors that name the key: {@code hand.port: missing}. Unknown keys are errors too, so a typo never
 * silently falls back to a default. Not thread-safe; used while building a station.
 */
public final class ConfigMap {
    private final String prefix;
    private final Map<String, ?> map;
    private final List<String> known = new ArrayList<>();

    public ConfigMap(String prefix, Map<String, ?> map) {
        this.prefix = prefix;
        this.map = map == null ? Map.of() : map;
    }

    /** The key path used in messages, e.g. {@code arm.host}. */
    public String path(String key) {
        return prefix + "." + key;
    }

    public String string(String key, String def) {
        Object v = raw(key);
        if (v == null) {
            if (def == null) {
                throw new IllegalArgumentException(path(key) + ": missing");
            }
            return def;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(path(key) + ": must not be empty");
        }
        return s;
    }

    public String string(String key) {
        return string(key, null);
    }

    /**
     * The value of {@code key}, else of {@code alias} (another spelling a station file may use, e.g.
     * {@code address} for {@code host}), else {@code def}; a missing required value names {@code key}.
     */
    public String stringOr(String key, String alias, String def) {
        Object v = raw(alias);
        if (raw(key) == null && v != null) {
            return string(alias, def);
        }
        return string(key, def);
    }

    /**
     * A WebSocket URL ({@code ws://} or {@code wss://}) under {@code key} or its {@code alias}; required.
     *
     * @throws IllegalArgumentException naming the key when missing, not a URL or not a WebSocket URL
     */
    public URI websocketUrl(String key, String alias) {
        String u = stringOr(key, alias, null);
        URI url;
        try {
            url = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(key) + ": not a URL: '" + u + "'");
        }
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
            throw new IllegalArgumentException(path(key) + ": must start with ws:// or wss://, was '" + u + "'");
        }
        return url;
    }

    public int integer(String key, int def, int min, int max) {
        Object v = raw(key);
        long x;
        if (v == null) {
            x = def;
        } else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            x = n.longValue();
        } else {
            try {
                x = Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path(key) + ": not an integer: '" + v + "'");
            }
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException(path(key) + ": " + x + " is outside " + min + ".." + max);
        }
        return (int) x;
    }

    public double number(String key, double def, double min, double max) {
        Object v = raw(key);
        double x;
        if (v == null) {
            x = def;
        } else if (v instanceof Number n) {
            x = n.doubleValue();
        } else {
            try {
                x = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path(key) + ": not a number: '" + v + "'");
            }
        }
        if (!(x >= min && x <= max)) {
            throw new IllegalArgumentException(path(key) + ": " + x + " is outside " + min + ".." + max);
        }
        return x;
    }

    public boolean bool(String key, boolean def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true");
        }
        throw new IllegalArgumentException(path(key) + ": not true/false: '" + v + "'");
    }

    /** A list of integers, or {@code def} when absent. */
    public int[] integers(String key, int[] def, int min, int max) {
        Object v = raw(key);
        if (v == null) {
            return def.clone();
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(path(key) + ": must be a non-empty list of integers");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            if (!(e instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.longValue() < min || n.longValue() > max) {
                throw new IllegalArgumentException(path(key) + "[" + i + "]: '" + e + "' is not an integer in "
                        + min + ".." + max);
            }
            out[i] = n.intValue();
        }
        return out;
    }

    /** A list of strings, or {@code def} when absent. */
    public List<String> strings(String key, List<String> def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(path(key) + ": must be a non-empty list of names");
        }
        List<String> out = new ArrayList<>();
        for (Object e : list) {
            if (e == null || e.toString().isBlank()) {
                throw new IllegalArgumentException(path(key) + ": contains an empty name");
            }
            out.add(e.toString().trim());
        }
        return out;
    }

    /** A nested map (empty when absent), e.g. {@code arm.topics}. */
    public ConfigMap child(String key) {
        Object v = raw(key);
        if (v == null) {
            return new ConfigMap(path(key), Map.of());
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(path(key) + ": must be a map of keys to values");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) m;
        return new ConfigMap(path(key), typed);
    }

    /**
     * Fails on any key that no getter asked for (call last). {@code type}, {@code id} and {@code name} (which
     * the station file uses to pick and name the device) are always allowed.
     */
    public void rejectUnknown(String... alsoAllowed) {
        for (String k : map.keySet()) {
            if (!known.contains(k) && !List.of(alsoAllowed).contains(k) && !k.equals("type") && !k.equals("id")
                    && !k.equals("name")) {
                throw new IllegalArgumentException(path(k) + ": unknown key (known: " + String.join(", ", known)
                        + ")");
            }
        }
    }

    private Object raw(String key) {
        if (!known.contains(key)) {
            known.add(key);
        }
        return map.get(key);
    }
}
