package hvemu.operations;

/**
 * Answers a resource operation (Get, Put, Create, Delete, Enumerate, Invoke) for which no resource
 * is served: {@code a:DestinationUnreachable} with {@code faultDetail/InvalidResourceURI}, as Windows
 * answers for a class that does not exist (fixture winrm-fault-destination-unreachable-resource-not-found.xml).
 *
 * <p>This is the whole answer while no CIM model is loaded; once the model is, it remains the answer
 * for resource URIs outside the served namespace.
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
