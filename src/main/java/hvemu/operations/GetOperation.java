package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.operations.codec.InstanceWriter;
import hvemu.operations.codec.ResourceUri;
import hvemu.operations.codec.SelectorBinder;
import hvemu.provider.ProviderRegistry;

/**
 * WS-Transfer Get of one instance (wire.md §3.2), addressed by a WMI or DMTF resource URI and its key
 * selectors. A base-class URI finds the derived instance, which is rendered in its own class's
 * namespace, in the request's URI style.
 */
public final class GetOperation implements Operation {
    private static final String RESPONSE = Namespaces.TRANSFER + "/GetResponse";

    private final ProviderRegistry providers;
    private final InstanceWriter writer;

    public GetOperation(ProviderRegistry providers) {
        this.providers = providers;
        this.writer = new InstanceWriter(providers.schema());
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        Target target = Target.resolve(providers.schema(), request);
        CimInstance instance = providers.instances(target.cls().name()).get(target.path())
                .orElseThrow(() -> new OperationException(FaultKind.DESTINATION_UNREACHABLE,
                        FaultDetail.INVALID_RESOURCE_URI, "No instance " + target.path() + " exists."));
        boolean precise = request.preciseArrays();
        return new Reply(RESPONSE, out -> writer.write(out, instance, target.uri(), precise));
    }

    /** A request's resource URI resolved to a class, and its selectors to a path. */
    record Target(ResourceUri uri, CimClass cls, ObjectPath path) {
        static Target resolve(hvemu.cim.schema.Schema schema, OperationRequest request) throws OperationException {
            ResourceUri uri = ResourceUri.parse(request.resourceUri(), request.selectors());
            if (!uri.isIn(schema.namespace())) {
                throw new OperationException(FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI,
                        "The namespace " + uri.namespacePath() + " does not exist; the service serves "
                                + schema.namespace() + ".");
            }
            CimClass cls = schema.find(uri.className()).orElseThrow(() -> new OperationException(
                    FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI,
                    "The class " + uri.className() + " does not exist in " + schema.namespace() + "."));
            return new Target(uri, cls, SelectorBinder.bind(schema.namespace(), cls, request.selectors()));
        }
    }
}
