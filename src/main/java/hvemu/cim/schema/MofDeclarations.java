package hvemu.cim.schema;

import hvemu.cim.CimParameter;
import hvemu.cim.CimType;
import hvemu.cim.Qualifiers;
import java.util.ArrayList;
import java.util.List;

/** What MOF files declare, in order: classes and instances, each with its position. */
final class MofDeclarations {
    record PropertyDecl(String name, CimType type, String referenceClass, boolean array, Object defaultValue,
            Qualifiers qualifiers, MofException.Position position) {
    }

    record MethodDecl(String name, CimType returnType, List<CimParameter> parameters, Qualifiers qualifiers,
            MofException.Position position) {
    }

    record ClassDecl(String name, String superclass, Qualifiers qualifiers, List<PropertyDecl> properties,
            List<MethodDecl> methods, MofException.Position position) {
    }

    /** A value of an instance property: a literal, a list of literals, or an alias. */
    record Assignment(String property, Object value, MofException.Position position) {
    }

    /** A reference to an aliased instance. */
    record AliasRef(String alias) {
    }

    record InstanceDecl(String className, String alias, List<Assignment> assignments, MofException.Position position) {
    }

    final List<ClassDecl> classes = new ArrayList<>();
    final List<InstanceDecl> instances = new ArrayList<>();
    String namespace;
}
