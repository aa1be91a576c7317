package hvemu.operations;

import hvemu.wsman.binding.enumeration.Release;

/** WS-Enumeration Release: ends an enumeration; the reply has an empty body (wire.md §3.3). */
public final class ReleaseOperation implements Operation {
    private static final String RESPONSE = Namespaces.ENUMERATION + "/ReleaseResponse";

    private final EnumerationContexts contexts;

    public ReleaseOperation(EnumerationContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        Release body = request.body().as(Release.class);
        contexts.take(PullOperation.contextId(body.getEnumerationContext()));
        return new Reply(RESPONSE, BodyWriter.EMPTY);
    }
}
