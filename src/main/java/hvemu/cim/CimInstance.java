package hvemu.cim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An instance of a class: its class name and property values (names case-insensitive). Properties
 * not set are NULL. Immutable; {@link #with} returns a changed copy. The class's declaration gives
 * property names their case; an instance keeps only values.
 */
public final class CimInstance {
    private final String className;
    private final Map<String, Object> values;

    private CimInstance(String className, Map<String, Object> values) {
        this.className = Objects.requireNonNull(className, "className");
        this.values = values;
    }

    /** Returns an instance with the given property values (keys are property names). */
    public static CimInstance of(String className, Map<String, ?> values) {
        Map<String, Object> v = new HashMap<>(Math.max(4, values.size() * 4 / 3 + 1));
        values.forEach((k, val) -> v.put(k.toLowerCase(Locale.ROOT), val));
        return new CimInstance(className, Collections.unmodifiableMap(v));
    }

    public String className() {
        return className;
    }

    /** Returns the value of a property (name case-insensitive), or null when NULL or not set. */
    public Object get(String property) {
        return values.get(property.toLowerCase(Locale.ROOT));
    }

    /** Returns the values as set, by property name in lower case. */
    public Map<String, Object> values() {
        return values;
    }

    /** Returns a copy with one property set. */
    public CimInstance with(String property, Object value) {
        Map<String, Object> v = new HashMap<>(values);
        v.put(property.toLowerCase(Locale.ROOT), value);
        return new CimInstance(className, Collections.unmodifiableMap(v));
    }

    /** Returns a copy with several properties set. */
    public CimInstance with(Map<String, ?> changes) {
        Map<String, Object> v = new HashMap<>(values);
        changes.forEach((k, val) -> v.put(k.toLowerCase(Locale.ROOT), val));
        return new CimInstance(className, Collections.unmodifiableMap(v));
    }

    @Override
    public String toString() {
        return className + values;
    }
}
