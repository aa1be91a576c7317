package hvemu.cim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An instance of a class: its class name and property values (names case-insensitive). Properties
 * not set are NULL. Immutable; {@link #with} returns a changed copy.
 */
public final class CimInstance {
    private final String className;
    private final Map<String, Object> values;
    private final Map<String, String> names;

    private CimInstance(String className, Map<String, Object> values, Map<String, String> names) {
        this.className = Objects.requireNonNull(className, "className");
        this.values = values;
        this.names = names;
    }

    /** Returns an instance with the given property values (keys are property names). */
    public static CimInstance of(String className, Map<String, ?> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, String> n = new LinkedHashMap<>();
        values.forEach((k, val) -> {
            v.put(k.toLowerCase(Locale.ROOT), val);
            n.put(k.toLowerCase(Locale.ROOT), k);
        });
        return new CimInstance(className, Collections.unmodifiableMap(v), Collections.unmodifiableMap(n));
    }

    public String className() {
        return className;
    }

    /** Returns the value of a property (name case-insensitive), or null when NULL or not set. */
    public Object get(String property) {
        return values.get(property.toLowerCase(Locale.ROOT));
    }

    /** Returns the values as set, by the names they were set with. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(names.get(k), v));
        return out;
    }

    /** Returns a copy with one property set. */
    public CimInstance with(String property, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        Map<String, String> n = new LinkedHashMap<>(names);
        String k = property.toLowerCase(Locale.ROOT);
        v.put(k, value);
        n.putIfAbsent(k, property);
        return new CimInstance(className, Collections.unmodifiableMap(v), Collections.unmodifiableMap(n));
    }

    /** Returns a copy with several properties set. */
    public CimInstance with(Map<String, ?> changes) {
        CimInstance out = this;
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public String toString() {
        return className + values();
    }
}
