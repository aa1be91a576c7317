package hvemu.cim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The qualifiers of a class, property, method or parameter, by name (case-insensitive).
 *
 * <p>A flag qualifier ({@code Key}) has the value TRUE; others hold a string, number, boolean, or a
 * list of them ({@code ValueMap}). Immutable.
 */
public final class Qualifiers {
    /** No qualifiers. */
    public static final Qualifiers NONE = new Qualifiers(Map.of());

    private final Map<String, Object> values;

    private Qualifiers(Map<String, Object> values) {
        TreeMap<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(values);
        this.values = Collections.unmodifiableMap(map);
    }

    public static Qualifiers of(Map<String, Object> values) {
        return values.isEmpty() ? NONE : new Qualifiers(values);
    }

    /** Returns true when the qualifier is present and not FALSE. */
    public boolean is(String name) {
        Object v = values.get(name);
        return v != null && !Boolean.FALSE.equals(v);
    }

    /** Returns the qualifier's value, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    /** Returns a string qualifier's value, or null. */
    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /** Returns an array qualifier's values as strings; empty when absent. */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    /** Returns this set with the qualifiers of {@code overriding} replacing same-named ones. */
    public Qualifiers overriddenBy(Qualifiers overriding) {
        if (overriding.values.isEmpty()) {
            return this;
        }
        TreeMap<String, Object> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(values);
        merged.putAll(overriding.values);
        return new Qualifiers(merged);
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
