package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.Schema;
import hvemu.operations.codec.ResourceUri;
import hvemu.operations.codec.SelectorBinder;
import hvemu.operations.codec.Selectors;
import hvemu.provider.Associations;
import hvemu.provider.ProviderRegistry;
import hvemu.wsman.binding.addressing.EndpointReferenceType;
import hvemu.wsman.binding.cimbinding.AssociatedInstances;
import hvemu.wsman.binding.cimbinding.AssociationInstances;
import hvemu.wsman.binding.wsman.SelectorSetType;
import jakarta.xml.bind.JAXBElement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filter dialects of Enumerate: the DSP0227 association filter (AssociatedInstances,
 * AssociationInstances) and the WS-Man SelectorFilter (MS-WSMV §3.1.4.1.13).
 */
final class Filters {
    static final String ASSOCIATION = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    static final String SELECTOR = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";

    private final ProviderRegistry providers;
    private final Associations associations;

    Filters(ProviderRegistry providers) {
        this.providers = providers;
        this.associations = new Associations(providers);
    }

    /** Returns the instances an association filter selects. */
    List<CimInstance> association(List<Object> content) throws OperationException {
        for (Object o : content) {
            Object v = o instanceof JAXBElement<?> e ? e.getValue() : o;
            if (v instanceof AssociatedInstances a) {
                return associations.associators(object(a.getObject()), new Associations.Query(
                        blank(a.getAssociationClassName()), blank(a.getResultClassName()), blank(a.getRole()),
                        blank(a.getResultRole())));
            }
            if (v instanceof AssociationInstances a) {
                return associations.references(object(a.getObject()), blank(a.getResultClassName()), blank(a.getRole()));
            }
        }
        throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER,
                "The association filter holds neither AssociatedInstances nor AssociationInstances.");
    }

    /**
     * Returns the instances of the class whose properties equal the selectors. A selector on an array,
     * datetime or reference property, a repeated name, or a value with a quote cannot be processed.
     */
    List<CimInstance> selector(CimClass cls, List<Object> content) throws OperationException {
        List<Selector> selectors = null;
        for (Object o : content) {
            if (o instanceof JAXBElement<?> e && e.getValue() instanceof SelectorSetType set) {
                selectors = Selectors.of(set);
            }
        }
        if (selectors == null) {
            throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER, "The selector filter holds no SelectorSet.");
        }
        Set<String> seen = new HashSet<>();
        List<Selector> checked = selectors;
        for (Selector s : checked) {
            CimProperty p = cls.property(s.name()).orElseThrow(() -> new OperationException(
                    FaultKind.CANNOT_PROCESS_FILTER, "The class " + cls.name() + " has no property " + s.name() + "."));
            if (!seen.add(s.name().toLowerCase(Locale.ROOT)) || p.array() || p.type() == CimType.DATETIME
                    || p.type() == CimType.REFERENCE || s.value().contains("\"") || s.value().contains("'")) {
                throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER, "The selector " + s.name()
                        + " cannot filter: names must not repeat, and array, datetime and reference properties"
                        + " and values with quotes cannot be selected.");
            }
        }
        return providers.instances(cls.name()).enumerate(cls.name()).stream()
                .filter(i -> checked.stream().allMatch(s -> equal(cls, i, s))).toList();
    }

    private static boolean equal(CimClass cls, CimInstance instance, Selector s) {
        CimProperty p = cls.property(s.name()).orElseThrow();
        Object value = instance.get(p.name());
        if (value instanceof String str) {
            return str.equalsIgnoreCase(s.value());
        }
        try {
            return value != null && value.equals(p.type().parse(s.value()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ObjectPath object(EndpointReferenceType epr) throws OperationException {
        if (epr == null) {
            throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER, "The association filter names no Object.");
        }
        Selector.Reference ref = Selectors.referenceOf(epr);
        Schema schema = providers.schema();
        ResourceUri uri = ResourceUri.parse(ref.resourceUri(), ref.selectors());
        CimClass cls;
        try {
            cls = Target.classOf(schema, uri);
        } catch (OperationException e) {
            throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER, "The Object of the association filter: "
                    + e.getMessage());
        }
        return SelectorBinder.bind(schema.namespace(), schema, cls, ref.selectors());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
