package hvemu.operations;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.schema.MofLoader;
import hvemu.provider.ProviderRegistry;

/**
 * WS-Transfer Delete of one instance (wire.md §3.5): addressed as Get addresses it; the provider of the
 * instance's class deletes it with what belongs to it, atomically, or refuses (docs/semantics.md, "Put
 * and Delete"). The reply is {@code DeleteResponse} with an empty body (fixture winrm-delete-response.xml).
 */
public final class DeleteOperation implements Operation {
    private static final String RESPONSE = Namespaces.TRANSFER + "/DeleteResponse";

    private final ProviderRegistry providers;

    public DeleteOperation(ProviderRegistry providers) {
        this.providers = providers;
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        providers.refresh();
        Target target = Target.resolve(providers.schema(), request);
        CimInstance instance = target.instance(providers);
        try {
            providers.instances(instance.className()).delete(MofLoader.pathOf(providers.schema(), instance));
        } catch (CimException e) {
            throw Refusals.of(e);
        }
        return new Reply(RESPONSE, BodyWriter.EMPTY);
    }
}
