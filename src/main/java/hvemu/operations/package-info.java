/**
 * WS-Management operations (Identify, Transfer, Enumeration, Invoke) over protocol-neutral requests.
 *
 * <p>An {@link hvemu.operations.Operation} receives an {@link hvemu.operations.OperationRequest}, which
 * carries the addressing of the resource and the request body as bindings, and returns a
 * {@link hvemu.operations.Reply}. Failures are {@link hvemu.operations.OperationException}s naming a
 * {@link hvemu.operations.FaultKind}; the wsman layer turns them into SOAP faults.
 *
 * <p>Depends on: the JAXB bindings in {@code hvemu.wsman.binding}, and (from the model issue on) the cim
 * layer. Must not import: {@code hvemu.wsman}, {@code hvemu.transport}, Metro, Jetty or the servlet API.
 */
package hvemu.operations;
