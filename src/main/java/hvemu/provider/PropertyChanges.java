package hvemu.provider;

import hvemu.cim.CimClass;
import hvemu.cim.CimDateTime;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule of a modification, by the MOF's qualifiers (DSP0004, {@code Write}): of the values a client
 * sends, those equal to the stored ones are no change; a key never changes; any other property changes
 * only when its MOF carries {@code Write}, a {@code Required} one never becomes NULL, and a string keeps
 * within its {@code MaxLen}.
 */
public final class PropertyChanges {
    private PropertyChanges() {
    }

    /**
     * Returns the values that change the instance, by property name as declared, in the order sent.
     *
     * @param cls the class of {@code current}
     * @param values the values sent, by property name (any case); NULL values stand for NULL
     * @throws CimException NO_SUCH_PROPERTY for a name the class lacks; ACCESS_DENIED when a key or a
     *     property without Write would change; INVALID_PARAMETER when a Required property would become NULL
     */
    public static Map<String, Object> of(CimClass cls, CimInstance current, Map<String, Object> values) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            CimProperty p = cls.property(e.getKey()).orElseThrow(() -> new CimException(CimStatus.NO_SUCH_PROPERTY,
                    "The class " + cls.name() + " has no property " + e.getKey() + "."));
            Object value = e.getValue();
            if (same(current.get(p.name()), value)) {
                continue;
            }
            if (p.isKey()) {
                throw new CimException(CimStatus.ACCESS_DENIED, "The property " + p.name() + " is a key of "
                        + cls.name() + "; a key cannot be changed.");
            }
            if (!p.qualifiers().is("Write")) {
                throw new CimException(CimStatus.ACCESS_DENIED, "The property " + p.name() + " of " + cls.name()
                        + " is read-only.");
            }
            if (value == null && p.qualifiers().is("Required")) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "The property " + p.name() + " of " + cls.name()
                        + " is required; it cannot be NULL.");
            }
            checkMaxLen(p, value);
            changed.put(p.name(), value);
        }
        return changed;
    }

    /** Checks the MaxLen qualifier of a string property, on each item of an array. */
    private static void checkMaxLen(CimProperty p, Object value) {
        if (!(p.qualifiers().get("MaxLen") instanceof Number max)) {
            return;
        }
        for (Object item : value instanceof List<?> items ? items : java.util.Collections.singletonList(value)) {
            if (item instanceof String text && text.length() > max.longValue()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "The property " + p.name() + " holds at most "
                        + max + " characters; " + text.length() + " were given.");
            }
        }
    }

    /**
     * Returns true when two values of a property are the same: timestamps at the same instant, whatever
     * their offsets; references to the same instance; arrays item by item; other values by equality.
     */
    public static boolean same(Object a, Object b) {
        if (a instanceof CimDateTime x && b instanceof CimDateTime y && !x.isInterval() && !y.isInterval()) {
            return x.timestamp().isEqual(y.timestamp());
        }
        if (a instanceof ObjectPath x && b instanceof ObjectPath y) {
            return x.matches(y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
