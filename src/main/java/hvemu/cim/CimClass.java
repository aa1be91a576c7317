package hvemu.cim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIM class with its inherited features resolved: every property and method of the class chain,
 * overrides applied, in declaration order from the root class down; and its own {@link ClassDeclaration},
 * which tells what the class states itself from what it inherits. Immutable.
 */
public final class CimClass {
    private final String name;
    private final String superclass;
    private final Qualifiers qualifiers;
    private final Map<String, CimProperty> properties;
    private final Map<String, CimMethod> methods;
    private final List<CimProperty> keys;
    private final ClassDeclaration declaration;

    /**
     * Creates a class whose features are already resolved down the chain.
     *
     * @param declaration what the class's own declaration states, a part of the resolved features
     */
    public CimClass(String name, String superclass, Qualifiers qualifiers, Collection<CimProperty> properties,
            Collection<CimMethod> methods, ClassDeclaration declaration) {
        this.name = name;
        this.superclass = superclass;
        this.qualifiers = qualifiers;
        Map<String, CimProperty> p = new LinkedHashMap<>();
        properties.forEach(prop -> p.put(prop.name().toLowerCase(Locale.ROOT), prop));
        this.properties = Collections.unmodifiableMap(p);
        Map<String, CimMethod> m = new LinkedHashMap<>();
        methods.forEach(meth -> m.put(meth.name().toLowerCase(Locale.ROOT), meth));
        this.methods = Collections.unmodifiableMap(m);
        List<CimProperty> k = new ArrayList<>();
        properties.stream().filter(CimProperty::isKey).forEach(k::add);
        this.keys = List.copyOf(k);
        this.declaration = Objects.requireNonNull(declaration, "declaration");
    }

    public String name() {
        return name;
    }

    /** Returns the superclass name, or null for a root class. */
    public String superclass() {
        return superclass;
    }

    public Qualifiers qualifiers() {
        return qualifiers;
    }

    /** Returns what the class's own declaration states, apart from what it inherits. */
    public ClassDeclaration declaration() {
        return declaration;
    }

    public boolean isAbstract() {
        return qualifiers.is("Abstract");
    }

    public boolean isAssociation() {
        return qualifiers.is("Association");
    }

    /** Returns every property, inherited ones included, in declaration order. */
    public Collection<CimProperty> properties() {
        return properties.values();
    }

    /** Returns the property of that name (case-insensitive). */
    public Optional<CimProperty> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName.toLowerCase(Locale.ROOT)));
    }

    /** Returns the key properties in declaration order. */
    public List<CimProperty> keys() {
        return keys;
    }

    /** Returns every method, inherited ones included. */
    public Collection<CimMethod> methods() {
        return methods.values();
    }

    /** Returns the method of that name (case-insensitive). */
    public Optional<CimMethod> method(String methodName) {
        return Optional.ofNullable(methods.get(methodName.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return name;
    }
}
