package hvemu.provider;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks associations (DSP0004 §8.2, DSP0227 §8.2): the instances associated with an object
 * (Associators) and the association instances that refer to it (References), with the usual
 * narrowing by association class, result class, role and result role. Names compare
 * case-insensitively; a class narrows to itself and its subclasses.
 */
public final class Associations {
    private final ProviderRegistry providers;

    public Associations(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** The narrowing of an Associators query; null fields do not narrow. */
    public record Query(String associationClass, String resultClass, String role, String resultRole) {
    }

    /** Returns the instances associated with the object, each once, in the order found. */
    public List<CimInstance> associators(ObjectPath object, Query q) {
        Schema schema = providers.schema();
        Optional<ObjectPath> self = actual(object);
        if (self.isEmpty()) {
            return List.of();
        }
        Map<ObjectPath, CimInstance> out = new LinkedHashMap<>();
        for (CimInstance link : links(q.associationClass(), self.get())) {
            CimClass cls = schema.get(link.className());
            for (CimProperty near : refs(cls)) {
                if (!matches(q.role(), near) || !self.get().equals(link.get(near.name()))) {
                    continue;
                }
                for (CimProperty far : refs(cls)) {
                    if (far == near || !matches(q.resultRole(), far) || !(link.get(far.name()) instanceof ObjectPath p)) {
                        continue;
                    }
                    if (q.resultClass() != null && !schema.isA(p.className(), q.resultClass())) {
                        continue;
                    }
                    providers.instances(p.className()).get(p).ifPresent(i -> out.putIfAbsent(p, i));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Returns the association instances that refer to the object (in {@code role}, when given). */
    public List<CimInstance> references(ObjectPath object, String associationClass, String role) {
        Schema schema = providers.schema();
        Optional<ObjectPath> self = actual(object);
        if (self.isEmpty()) {
            return List.of();
        }
        List<CimInstance> out = new ArrayList<>();
        for (CimInstance link : links(associationClass, self.get())) {
            for (CimProperty ref : refs(schema.get(link.className()))) {
                if (matches(role, ref) && self.get().equals(link.get(ref.name()))) {
                    out.add(link);
                    break;
                }
            }
        }
        return out;
    }

    /** The object's path with its own class, as association instances hold it; empty when it does not exist. */
    private Optional<ObjectPath> actual(ObjectPath object) {
        return providers.instances(object.className()).get(object)
                .map(i -> MofLoader.pathOf(providers.schema(), i));
    }

    /** The association instances (of the class, when given) that refer to the object, from the providers' indexes. */
    private List<CimInstance> links(String associationClass, ObjectPath object) {
        Schema schema = providers.schema();
        List<CimInstance> out = new ArrayList<>();
        for (CimClass c : schema.classes()) {
            if (c.isAssociation() && !c.isAbstract() && (associationClass == null || schema.isA(c.name(), associationClass))) {
                out.addAll(providers.instances(c.name()).referencing(object, c.name()).stream()
                        .filter(link -> link.className().equalsIgnoreCase(c.name())).toList());
            }
        }
        return out;
    }

    private static List<CimProperty> refs(CimClass cls) {
        return cls.properties().stream().filter(p -> p.type() == CimType.REFERENCE).toList();
    }

    private static boolean matches(String role, CimProperty p) {
        return role == null || p.name().equalsIgnoreCase(role);
    }
}
