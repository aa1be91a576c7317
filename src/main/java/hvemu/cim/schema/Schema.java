package hvemu.cim.schema;

import hvemu.cim.CimClass;
import hvemu.cim.CimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The classes of one CIM namespace, with their inheritance. Class names compare case-insensitively.
 * Immutable and thread-safe.
 */
public final class Schema {
    private final String namespace;
    private final Map<String, CimClass> classes;
    private final Map<String, List<CimClass>> descendants;

    Schema(String namespace, Collection<CimClass> classes) {
        this.namespace = namespace;
        Map<String, CimClass> byName = new LinkedHashMap<>();
        classes.forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
        this.classes = Collections.unmodifiableMap(byName);
        Map<String, List<CimClass>> down = new LinkedHashMap<>();
        for (CimClass c : classes) {
            for (CimClass a = c; a != null; a = a.superclass() == null ? null : byName.get(a.superclass().toLowerCase(Locale.ROOT))) {
                down.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
            }
        }
        down.replaceAll((k, v) -> List.copyOf(v));
        this.descendants = Collections.unmodifiableMap(down);
    }

    /** Returns the namespace, e.g. {@code root/HyperVCluster/v2}. */
    public String namespace() {
        return namespace;
    }

    /** Returns the class of that name. */
    public Optional<CimClass> find(String name) {
        return Optional.ofNullable(classes.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the class of that name.
     *
     * @throws CimException INVALID_CLASS when there is none
     */
    public CimClass get(String name) {
        return find(name).orElseThrow(() -> CimException.noSuchClass(name));
    }

    /** Returns every class in declaration order. */
    public Collection<CimClass> classes() {
        return classes.values();
    }

    /** Returns true when {@code className} is {@code ancestor} or derives from it. */
    public boolean isA(String className, String ancestor) {
        for (CimClass c = classes.get(className.toLowerCase(Locale.ROOT)); c != null;
                c = c.superclass() == null ? null : classes.get(c.superclass().toLowerCase(Locale.ROOT))) {
            if (c.name().equalsIgnoreCase(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the class and every class derived from it, in declaration order; empty for an unknown class. */
    public List<CimClass> descendantsOf(String name) {
        return descendants.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
