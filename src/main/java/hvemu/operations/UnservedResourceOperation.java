package hvemu.operations;

/**
 * Answers a resource operation for which no resource is served: {@code a:DestinationUnreachable} with
 * {@code faultDetail/InvalidResourceURI}, as Windows answers for a class that does not exist (fixture
 * winrm-fault-destination-unreachable-resource-not-found.xml).
 *
 * <p>It answers WS-Transfer Create: the Hyper-V cluster provider makes its instances only through
 * methods (a pool by CreateResourcePool, a job by the method that starts it), never by CreateInstance,
 * and WMI providers rarely take Create at all (MS-WSMV &lt;1&gt;; docs/semantics.md, "Put and Delete").
 */
public final class UnservedResourceOperation implements Operation {
    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        String uri = request.resourceUri();
        throw new OperationException(FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI,
                uri == null
                        ? "The request has no ResourceURI header, so the service cannot find the resource."
                        : "The service cannot find the resource identified by the resource URI and selectors: "
                                + uri);
    }
}
