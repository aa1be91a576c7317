package hvemu.cim;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The path of an instance: namespace, class and key values (DSP0004 §8.3).
 *
 * <p>Key names and string key values compare case-insensitively, as WMI compares them (MS-WSMV
 * §3.1.4.1.2); the class compares case-insensitively too. The class of a path may be a base class of
 * the instance's class (a path built from a request); {@link #matches} compares keys only, and
 * {@link #equals} compares class and keys. Immutable.
 */
public final class ObjectPath {
    private final String namespace;
    private final String className;
    private final Map<String, Object> keys;
    private final Map<String, Object> normalized;

    private ObjectPath(String namespace, String className, Map<String, Object> keys) {
        this.namespace = namespace;
        this.className = Objects.requireNonNull(className, "className");
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        Map<String, Object> n = new HashMap<>();
        keys.forEach((k, v) -> n.put(k.toLowerCase(Locale.ROOT), normalize(v)));
        // Compared, hashed and indexed, never iterated in order: the compact immutable form saves a
        // LinkedHashMap per path (a pool with its job and links holds a dozen paths).
        this.normalized = n.containsValue(null) ? Collections.unmodifiableMap(n) : Map.copyOf(n);
    }

    /** Returns the path of an instance of {@code className} with the given keys, in key order. */
    public static ObjectPath of(String namespace, String className, Map<String, Object> keys) {
        return new ObjectPath(namespace, className, keys);
    }

    private static Object normalize(Object value) {
        if (value instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (value instanceof ObjectPath p) {
            return p.normalized;
        }
        return value;
    }

    public String namespace() {
        return namespace;
    }

    public String className() {
        return className;
    }

    /** Returns the key values by name, in key order. */
    public Map<String, Object> keys() {
        return keys;
    }

    /** Returns the value of a key (name case-insensitive), or null. */
    public Object key(String name) {
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Returns the keys as they compare (names and string values in lower case): equal for paths that
     * {@link #matches match}, so it can key an index.
     */
    public Object keyIdentity() {
        return normalized;
    }

    /** Returns true when both paths have the same keys, whatever their class names. */
    public boolean matches(ObjectPath other) {
        return normalized.equals(other.normalized);
    }

    /** Returns this path with another class name (the instance's own class). */
    public ObjectPath withClassName(String name) {
        return new ObjectPath(namespace, name, keys);
    }

    /** Paths are equal when their classes (case-insensitive) and keys are; see {@link #matches}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectPath other && className.equalsIgnoreCase(other.className)
                && normalized.equals(other.normalized);
    }

    @Override
    public int hashCode() {
        return className.toLowerCase(Locale.ROOT).hashCode() * 31 + normalized.hashCode();
    }

    /** Returns the WMI-style path, e.g. {@code Msvm_ConcreteJob.InstanceID="9D1C..."}. */
    @Override
    public String toString() {
        return className + "." + keys.entrySet().stream()
                .map(e -> e.getKey() + "=" + literal(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String literal(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof ObjectPath p) {
            return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof List<?> l) {
            return l.toString();
        }
        return String.valueOf(v);
    }
}
