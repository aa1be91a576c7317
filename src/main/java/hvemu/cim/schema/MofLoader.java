package hvemu.cim.schema;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofDeclarations.AliasRef;
import hvemu.cim.schema.MofDeclarations.Assignment;
import hvemu.cim.schema.MofDeclarations.InstanceDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a schema from MOF, then the instances of a topology against it.
 *
 * <p>A topology's instances must be of concrete classes of the schema, set every key, give each
 * property a value of its type, and point references at aliases declared earlier in the same file.
 * Any error is a {@link MofException} naming the file, line and column.
 */
public final class MofLoader {
    /** The schema hvemu serves, from the resources packaged with it. */
    public static final String SCHEMA = "mof/hvemu.mof";
    /** The default topology: a two-node cluster. */
    public static final String DEFAULT_TOPOLOGY = "mof/topology/default-cluster.mof";
    /** The namespace served when a MOF file declares none. */
    public static final String NAMESPACE = "root/HyperVCluster/v2";

    private MofLoader() {
    }

    /** A schema and the instances of a topology. */
    public record Model(Schema schema, List<CimInstance> instances) {
        public Model {
            instances = List.copyOf(instances);
        }
    }

    /** Loads the schema from its source. */
    public static Schema schema(MofSource source) {
        MofDeclarations d = new MofDeclarations();
        MofParser.parse(source, d);
        if (!d.instances.isEmpty()) {
            throw new MofException(d.instances.get(0).position(), "a schema file declares no instances");
        }
        return SchemaBuilder.build(d.namespace == null ? NAMESPACE : d.namespace, d.classes);
    }

    /** Loads the schema, then a topology's instances against it. */
    public static Model load(MofSource schemaSource, MofSource topology) {
        Schema schema = schema(schemaSource);
        MofDeclarations d = new MofDeclarations();
        MofParser.parse(topology, d);
        if (!d.classes.isEmpty()) {
            throw new MofException(d.classes.get(0).position(), "a topology declares instances only, not classes");
        }
        return new Model(schema, instances(schema, d.instances));
    }

    private static List<CimInstance> instances(Schema schema, List<InstanceDecl> declarations) {
        Map<String, ObjectPath> aliases = new HashMap<>();
        Map<ObjectPath, InstanceDecl> seen = new HashMap<>();
        List<CimInstance> out = new ArrayList<>();
        for (InstanceDecl d : declarations) {
            CimClass cls = schema.find(d.className()).orElseThrow(
                    () -> new MofException(d.position(), "no class " + d.className() + " in the schema"));
            if (cls.isAbstract()) {
                throw new MofException(d.position(), "class " + cls.name() + " is abstract and has no instances");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Assignment a : d.assignments()) {
                CimProperty property = cls.property(a.property()).orElseThrow(() -> new MofException(a.position(),
                        "class " + cls.name() + " has no property " + a.property()));
                values.put(property.name(), value(a, property, aliases));
            }
            cls.properties().stream().filter(p -> p.defaultValue() != null && !values.containsKey(p.name()))
                    .forEach(p -> values.put(p.name(), p.defaultValue()));
            CimInstance instance = CimInstance.of(cls.name(), values);
            ObjectPath path = pathOf(schema.namespace(), cls, instance, d);
            InstanceDecl earlier = seen.putIfAbsent(path, d);
            if (earlier != null) {
                throw new MofException(d.position(), "instance " + path + " is declared twice (first at "
                        + earlier.position() + ")");
            }
            if (d.alias() != null && aliases.putIfAbsent(d.alias().toLowerCase(), path) != null) {
                throw new MofException(d.position(), "alias $" + d.alias() + " is declared twice");
            }
            out.add(instance);
        }
        return out;
    }

    private static Object value(Assignment a, CimProperty property, Map<String, ObjectPath> aliases) {
        if (property.type() == CimType.REFERENCE) {
            if (!(a.value() instanceof AliasRef ref)) {
                throw new MofException(a.position(), property.name() + " is a reference: give an alias such as $Name");
            }
            ObjectPath target = aliases.get(ref.alias().toLowerCase());
            if (target == null) {
                throw new MofException(a.position(), "alias $" + ref.alias() + " is not declared before this line");
            }
            return target;
        }
        if (a.value() instanceof AliasRef) {
            throw new MofException(a.position(), property.name() + " is not a reference");
        }
        return Values.coerce(a.value(), property.type(), property.array(), a.position(), property.name());
    }

    private static ObjectPath pathOf(String namespace, CimClass cls, CimInstance instance, InstanceDecl d) {
        if (cls.keys().isEmpty()) {
            throw new MofException(d.position(), "class " + cls.name() + " has no key, so its instances have no path");
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        for (CimProperty key : cls.keys()) {
            Object v = instance.get(key.name());
            if (v == null) {
                throw new MofException(d.position(), "instance of " + cls.name() + " does not set its key " + key.name());
            }
            keys.put(key.name(), v);
        }
        return ObjectPath.of(namespace, cls.name(), keys);
    }

    /** Returns the path of an instance: its class's keys, in order. */
    public static ObjectPath pathOf(Schema schema, CimInstance instance) {
        CimClass cls = schema.get(instance.className());
        Map<String, Object> keys = new LinkedHashMap<>();
        for (CimProperty key : cls.keys()) {
            keys.put(key.name(), instance.get(key.name()));
        }
        return ObjectPath.of(schema.namespace(), cls.name(), keys);
    }
}
