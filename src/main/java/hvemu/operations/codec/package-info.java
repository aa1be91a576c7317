/**
 * Between CIM and the wire: resource URIs in both styles, selectors to object paths, instances and
 * endpoint references to XML. Driven by the schema; there are no per-class templates.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.cim.schema}, {@code hvemu.operations}. Must not
 * import: wsman, transport, Metro, Jetty.
 */
package hvemu.operations.codec;
