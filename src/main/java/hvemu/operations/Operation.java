package hvemu.operations;

/**
 * One WS-Management operation, reached by the dispatcher from a request's Action.
 *
 * <p>Implementations must be thread-safe: one instance serves all requests.
 */
@FunctionalInterface
public interface Operation {
    /**
     * Performs the operation.
     *
     * @throws OperationException when the request must be answered with a fault
     */
    Reply execute(OperationRequest request) throws OperationException;
}
