package hvemu.cim;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a class's own MOF declaration states, apart from what it inherits: the qualifiers written on the
 * class, and for each property and method it declares or overrides, the qualifiers written on it there.
 *
 * <p>A class declaration in CIM-XML (DSP0201) marks everything else as propagated from a
 * superclass, and a client asking only for the class's own elements (DSP0200 {@code LocalOnly}, WS-Man's
 * {@code IncludeInheritedElements=false}) gets what is here. Names compare case-insensitively. Immutable.
 *
 * @param qualifiers the qualifiers of the class declaration
 * @param properties the properties the declaration declares or overrides, each with its declared qualifiers
 * @param methods the methods the declaration declares or overrides, each with its declared qualifiers
 */
public record ClassDeclaration(Qualifiers qualifiers, Map<String, Qualifiers> properties,
        Map<String, Qualifiers> methods) {
    public ClassDeclaration {
        Objects.requireNonNull(qualifiers, "qualifiers");
        properties = byName(properties);
        methods = byName(methods);
    }

    /** Returns the qualifiers the declaration gives a property, or empty when it does not declare it. */
    public Optional<Qualifiers> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** Returns the qualifiers the declaration gives a method, or empty when it does not declare it. */
    public Optional<Qualifiers> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    private static Map<String, Qualifiers> byName(Map<String, Qualifiers> features) {
        TreeMap<String, Qualifiers> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(features);
        return Collections.unmodifiableMap(map);
    }
}
