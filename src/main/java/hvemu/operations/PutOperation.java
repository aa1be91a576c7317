package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.operations.codec.InstanceDecoder;
import hvemu.operations.codec.InstanceWriter;
import hvemu.provider.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;

/**
 * WS-Transfer Put of one instance (wire.md §3.5, MS-WSMV §4.1.3): addressed as Get addresses it, the
 * body the instance element in its class's namespace, decoded by the MOF. The provider of the
 * instance's class applies it atomically: properties whose MOF carries {@code Write} may change, a value
 * equal to the stored one is no change. The reply is {@code PutResponse} with the instance as it is
 * afterwards, written as Get writes it.
 *
 * <p>With the MI client's option {@code wmiarray:__MIInstanceModifiedPropertiesList} (wire.md §4.5) only
 * the properties it names are considered; the others the body carries are read, not applied.
 */
public final class PutOperation implements Operation {
    /** The MI client's option naming the properties a Set-CimInstance changed (fixture mi-client-put-request-*.xml). */
    static final String MODIFIED_PROPERTIES = "__MIInstanceModifiedPropertiesList";
    private static final String RESPONSE = Namespaces.TRANSFER + "/PutResponse";

    private final ProviderRegistry providers;
    private final InstanceWriter writer;

    public PutOperation(ProviderRegistry providers) {
        this.providers = providers;
        this.writer = new InstanceWriter(providers.schema());
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        providers.refresh();
        Target target = Target.resolve(providers.schema(), request);
        CimInstance current = target.instance(providers);
        QName element = request.body().element();
        if (element == null) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request is missing the element titled '" + current.className() + "'.");
        }
        CimClass cls = InstanceDecoder.classOf(element, providers.schema(), current);
        Map<String, Object> values = request.body().read(in -> InstanceDecoder.decode(in, cls, namespace()));
        Map<String, Object> considered = considered(values, modifiedProperties(request), cls);
        ObjectPath path = MofLoader.pathOf(providers.schema(), current);
        CimInstance updated;
        try {
            updated = providers.instances(current.className()).modify(path, considered);
        } catch (CimException e) {
            throw Refusals.of(e);
        }
        boolean precise = request.preciseArrays();
        return new Reply(RESPONSE, out -> writer.write(out, updated, target.uri(), precise));
    }

    /** Returns the names the MI client's option lists, in lower case, or null when the request has none. */
    private static Set<String> modifiedProperties(OperationRequest request) {
        for (Map.Entry<String, List<String>> option : request.options().entrySet()) {
            String name = option.getKey();
            if (name.substring(name.indexOf(':') + 1).equalsIgnoreCase(MODIFIED_PROPERTIES)) {
                return option.getValue().stream().map(v -> v.trim().toLowerCase(Locale.ROOT))
                        .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
            }
        }
        return null;
    }

    /** Returns the values to apply: all, or those the option names, each of which the class must have. */
    private static Map<String, Object> considered(Map<String, Object> values, Set<String> modified, CimClass cls)
            throws OperationException {
        if (modified == null) {
            return values;
        }
        for (String name : modified) {
            if (cls.property(name).isEmpty()) {
                throw new OperationException(FaultKind.INVALID_REPRESENTATION, FaultDetail.INVALID_VALUES,
                        "The option " + MODIFIED_PROPERTIES + " names " + name + ", which is not a property of "
                                + cls.name() + ".");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (modified.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, value);
            }
        });
        return out;
    }

    private String namespace() {
        return providers.schema().namespace();
    }
}
