/**
 * The WS-Management message layer: SOAP 1.2 envelope, WS-Addressing and WS-Man headers, the fault
 * table, and the dispatcher that routes a request by its Action to an operation.
 *
 * <p>{@link hvemu.wsman.WsmanEndpoint} is the Metro {@code Provider<Message>} that receives every
 * request. It reads headers into {@link hvemu.wsman.RequestHeaders} without building a document,
 * checks them, and hands a protocol-neutral request to the {@link hvemu.wsman.Dispatcher}. Replies and
 * faults are streamed by {@link hvemu.wsman.ReplyMessage} with the prefixes Windows uses.
 *
 * <p>Depends on: {@code hvemu.operations}, the JAXB bindings, Metro. Must not import: Jetty, the
 * servlet API, {@code hvemu.transport}, or any CIM class by name.
 */
package hvemu.wsman;
