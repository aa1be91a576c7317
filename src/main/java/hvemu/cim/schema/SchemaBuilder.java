package hvemu.cim.schema;

import hvemu.cim.CimClass;
import hvemu.cim.ClassDeclaration;
import hvemu.cim.CimMethod;
import hvemu.cim.CimProperty;
import hvemu.cim.Qualifiers;
import hvemu.cim.schema.MofDeclarations.ClassDecl;
import hvemu.cim.schema.MofDeclarations.MethodDecl;
import hvemu.cim.schema.MofDeclarations.PropertyDecl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves class declarations into classes: a subclass gets its superclass's properties and methods,
 * a redeclared property keeps its place and merges its qualifiers over the inherited ones.
 */
final class SchemaBuilder {
    private SchemaBuilder() {
    }

    static Schema build(String namespace, List<ClassDecl> declarations) {
        Map<String, CimClass> classes = new LinkedHashMap<>();
        for (ClassDecl d : declarations) {
            String key = d.name().toLowerCase(Locale.ROOT);
            if (classes.containsKey(key)) {
                throw new MofException(d.position(), "class " + d.name() + " is declared twice");
            }
            CimClass parent = null;
            if (d.superclass() != null) {
                parent = classes.get(d.superclass().toLowerCase(Locale.ROOT));
                if (parent == null) {
                    throw new MofException(d.position(), "superclass " + d.superclass() + " of " + d.name()
                            + " is not declared before it");
                }
            }
            classes.put(key, resolve(d, parent));
        }
        return new Schema(namespace, classes.values());
    }

    /** What the declaration itself writes: the class's qualifiers and those of each feature it names. */
    private static ClassDeclaration declaration(ClassDecl d) {
        Map<String, Qualifiers> properties = new LinkedHashMap<>();
        d.properties().forEach(p -> properties.put(p.name(), p.qualifiers()));
        Map<String, Qualifiers> methods = new LinkedHashMap<>();
        d.methods().forEach(m -> methods.put(m.name(), m.qualifiers()));
        return new ClassDeclaration(d.qualifiers(), properties, methods);
    }

    private static CimClass resolve(ClassDecl d, CimClass parent) {
        Map<String, CimProperty> properties = new LinkedHashMap<>();
        Map<String, CimMethod> methods = new LinkedHashMap<>();
        if (parent != null) {
            parent.properties().forEach(p -> properties.put(p.name().toLowerCase(Locale.ROOT), p));
            parent.methods().forEach(m -> methods.put(m.name().toLowerCase(Locale.ROOT), m));
        }
        for (PropertyDecl p : d.properties()) {
            String key = p.name().toLowerCase(Locale.ROOT);
            CimProperty inherited = properties.get(key);
            if (inherited != null && (inherited.type() != p.type() || inherited.array() != p.array())) {
                throw new MofException(p.position(), d.name() + "." + p.name() + " overrides "
                        + inherited.classOrigin() + "." + inherited.name() + " with another type");
            }
            properties.put(key, new CimProperty(p.name(), p.type(),
                    p.referenceClass() != null ? p.referenceClass() : inherited == null ? null : inherited.referenceClass(),
                    p.array(), p.defaultValue() != null || inherited == null ? p.defaultValue() : inherited.defaultValue(),
                    inherited == null ? p.qualifiers() : inherited.qualifiers().overriddenBy(p.qualifiers()),
                    inherited == null ? d.name() : inherited.classOrigin()));
        }
        for (MethodDecl m : d.methods()) {
            CimMethod inherited = methods.get(m.name().toLowerCase(Locale.ROOT));
            methods.put(m.name().toLowerCase(Locale.ROOT), new CimMethod(m.name(), m.returnType(), m.parameters(),
                    inherited == null ? m.qualifiers() : inherited.qualifiers().overriddenBy(m.qualifiers()),
                    inherited == null ? d.name() : inherited.classOrigin()));
        }
        Map<String, Object> qualifiers = new LinkedHashMap<>(d.qualifiers().asMap());
        if (parent != null && parent.isAssociation()) {
            qualifiers.putIfAbsent("Association", Boolean.TRUE);
        }
        return new CimClass(d.name(), d.superclass(), Qualifiers.of(qualifiers), properties.values(),
                methods.values(), declaration(d));
    }
}
