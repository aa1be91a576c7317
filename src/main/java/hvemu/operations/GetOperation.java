package hvemu.operations;

import hvemu.cim.CimInstance;
import hvemu.operations.codec.InstanceWriter;
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
        providers.refresh();
        Target target = Target.resolve(providers.schema(), request);
        CimInstance instance = target.instance(providers);
        boolean precise = request.preciseArrays();
        return new Reply(RESPONSE, out -> writer.write(out, instance, target.uri(), precise));
    }
}
