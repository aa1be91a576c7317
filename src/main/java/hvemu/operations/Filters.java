package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimStatus;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.query.Condition;
import hvemu.cim.query.Expr;
import hvemu.cim.query.Query;
import hvemu.cim.query.WqlException;
import hvemu.cim.query.WqlParser;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter dialects of Enumerate: WQL (and CQL's SELECT), the DSP0227 association filter
 * (AssociatedInstances, AssociationInstances) and the WS-Man SelectorFilter (MS-WSMV §3.1.4.1.13).
 */
final class Filters {
    static final String WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    static final String CQL = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    static final String ASSOCIATION = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    static final String SELECTOR = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";

    /**
     * What a filter selects: the instances, and for a projection the properties to write.
     *
     * @param projection the selected properties, or null for whole instances
     * @param fragment whether the projection is a WQL one, written as {@code w:XmlFragment}
     */
    record Selection(List<CimInstance> instances, List<String> projection, boolean fragment) {
        static Selection of(List<CimInstance> instances) {
            return new Selection(instances, null, false);
        }
    }

    private final ProviderRegistry providers;
    private final Associations associations;

    Filters(ProviderRegistry providers) {
        this.providers = providers;
        this.associations = new Associations(providers);
    }

    /**
     * Runs a WQL query (or, with {@code cql}, a CQL SELECT): {@code SELECT} over a class and its
     * subclasses, looking the instance up by its keys when the condition fixes them all;
     * {@code ASSOCIATORS OF} and {@code REFERENCES OF} through the associations.
     */
    Selection query(List<Object> content, boolean cql) throws OperationException {
        String text = text(content);
        Query query;
        try {
            query = WqlParser.parse(text);
        } catch (WqlException e) {
            throw cannotProcess(e.getMessage());
        }
        if (cql && !(query instanceof Query.Select)) {
            throw cannotProcess("The CQL dialect takes SELECT queries; ASSOCIATORS OF and REFERENCES OF are WQL.");
        }
        if (query instanceof Query.Associators a) {
            return Selection.of(associations.associators(object(a.objectClass(), a.objectKeys()),
                    new Associations.Query(a.assocClass(), a.resultClass(), a.role(), a.resultRole())));
        }
        if (query instanceof Query.References r) {
            return Selection.of(associations.references(object(r.objectClass(), r.objectKeys()), r.resultClass(),
                    r.role()));
        }
        return select((Query.Select) query, text);
    }

    private Selection select(Query.Select select, String text) throws OperationException {
        Schema schema = providers.schema();
        // WMI answers a query of a class it does not have with WBEM_E_INVALID_CLASS, which the MI client is told.
        CimClass cls = schema.find(select.className()).orElseThrow(() -> new OperationException(
                FaultKind.CANNOT_PROCESS_FILTER, null, CimStatus.INVALID_CLASS, "The class " + select.className()
                        + " does not exist in the namespace " + schema.namespace() + ". Query: " + text));
        Set<String> seen = new HashSet<>();
        List<String> projection = new ArrayList<>();
        for (String name : select.properties()) {
            CimProperty p = cls.property(name).orElseThrow(() -> cannotProcess("The class " + cls.name()
                    + " has no property " + name + ". Query: " + text));
            if (seen.add(p.name().toLowerCase(Locale.ROOT))) {
                projection.add(p.name());
            }
        }
        Condition condition;
        try {
            condition = Condition.compile(schema, cls, select.where());
        } catch (WqlException e) {
            throw cannotProcess(e.getMessage() + " Query: " + text);
        }
        return new Selection(matching(cls, condition), projection.isEmpty() ? null : projection, true);
    }

    /**
     * The instances of the class and its subclasses that satisfy the condition: looked up when the
     * condition fixes every key, otherwise found by a scan.
     */
    private List<CimInstance> matching(CimClass cls, Condition condition) {
        Schema schema = providers.schema();
        var provider = providers.instances(cls.name());
        var keys = condition.keyLookup(cls);
        List<CimInstance> found = keys.isPresent()
                ? provider.get(ObjectPath.of(schema.namespace(), cls.name(), keys.get())).stream().toList()
                : provider.enumerate(cls.name());
        return found.stream().filter(i -> schema.isA(i.className(), cls.name()) && condition.test(i)).toList();
    }

    /** The object of ASSOCIATORS OF or REFERENCES OF, with its key values typed by the class. */
    private ObjectPath object(String className, Map<String, String> keys) throws OperationException {
        Schema schema = providers.schema();
        CimClass cls = schema.find(className).orElseThrow(() -> cannotProcess("The object path names the class "
                + className + ", which does not exist in the namespace " + schema.namespace() + "."));
        List<Selector> selectors = new ArrayList<>();
        keys.forEach((k, v) -> selectors.add(new Selector(k, v)));
        return bind(cls, selectors, "The object path of the query: ");
    }

    /** Binds an association's object to a path; a selector that does not fit is a filter that cannot be processed. */
    private ObjectPath bind(CimClass cls, List<Selector> selectors, String context) throws OperationException {
        Schema schema = providers.schema();
        try {
            return SelectorBinder.bind(schema.namespace(), schema, cls, selectors);
        } catch (OperationException e) {
            throw cannotProcess(context + e.getMessage());
        }
    }

    private static String text(List<Object> content) throws OperationException {
        StringBuilder text = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                text.append(s);
            } else {
                throw cannotProcess("A query filter holds text, not elements.");
            }
        }
        if (text.toString().isBlank()) {
            throw cannotProcess("The query filter is empty.");
        }
        return text.toString().trim();
    }

    private static OperationException cannotProcess(String message) {
        return new OperationException(FaultKind.CANNOT_PROCESS_FILTER, message);
    }

    /**
     * Returns the instances an association filter selects, with the properties its
     * {@code IncludeResultProperty} elements name as the projection (all when there are none).
     */
    Selection association(List<Object> content) throws OperationException {
        for (Object o : content) {
            Object v = o instanceof JAXBElement<?> e ? e.getValue() : o;
            if (v instanceof AssociatedInstances a) {
                return included(associations.associators(object(a.getObject()), new Associations.Query(
                        blank(a.getAssociationClassName()), blank(a.getResultClassName()), blank(a.getRole()),
                        blank(a.getResultRole()))), a.getIncludeResultProperty());
            }
            if (v instanceof AssociationInstances a) {
                return included(associations.references(object(a.getObject()), blank(a.getResultClassName()),
                        blank(a.getRole())), a.getIncludeResultProperty());
            }
        }
        throw cannotProcess("The association filter holds neither AssociatedInstances nor AssociationInstances.");
    }

    private static Selection included(List<CimInstance> instances, List<String> names) {
        List<String> projection = names.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        return new Selection(instances, projection.isEmpty() ? null : projection, false);
    }

    /**
     * Returns the instances of the class whose properties equal the selectors: the conjunction of
     * {@code name = 'value'} run as a query's condition. A selector on an array, datetime or reference
     * property, a repeated name, or a value with a quote cannot be processed.
     */
    List<CimInstance> selector(CimClass cls, List<Object> content) throws OperationException {
        List<Selector> selectors = null;
        for (Object o : content) {
            if (o instanceof JAXBElement<?> e && e.getValue() instanceof SelectorSetType set) {
                selectors = Selectors.of(set);
            }
        }
        if (selectors == null || selectors.isEmpty()) {
            throw cannotProcess("The selector filter holds no SelectorSet.");
        }
        Set<String> seen = new HashSet<>();
        Expr where = null;
        for (Selector s : selectors) {
            CimProperty p = cls.property(s.name()).orElseThrow(() -> cannotProcess("The class " + cls.name()
                    + " has no property " + s.name() + "."));
            if (!seen.add(p.name().toLowerCase(Locale.ROOT)) || p.array() || p.type() == CimType.DATETIME
                    || p.type() == CimType.REFERENCE || s.value().contains("\"") || s.value().contains("'")) {
                throw cannotProcess("The selector " + s.name() + " cannot filter: names must not repeat, and array,"
                        + " datetime and reference properties and values with quotes cannot be selected.");
            }
            Expr term = new Expr.Compare(p.name(), Expr.Op.EQ, s.value());
            where = where == null ? term : new Expr.And(where, term);
        }
        try {
            return matching(cls, Condition.compile(providers.schema(), cls, where));
        } catch (WqlException e) {
            throw cannotProcess("The selector filter: " + e.getMessage());
        }
    }

    private ObjectPath object(EndpointReferenceType epr) throws OperationException {
        if (epr == null) {
            throw cannotProcess("The association filter names no Object.");
        }
        Selector.Reference ref = Selectors.referenceOf(epr);
        Schema schema = providers.schema();
        ResourceUri uri = ResourceUri.parse(ref.resourceUri(), ref.selectors());
        CimClass cls;
        try {
            cls = Target.classOf(schema, uri);
        } catch (OperationException e) {
            throw cannotProcess("The Object of the association filter: " + e.getMessage());
        }
        return SelectorBinder.bind(schema.namespace(), schema, cls, ref.selectors());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
