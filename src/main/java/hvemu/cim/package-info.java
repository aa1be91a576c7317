/**
 * The CIM model: classes, properties, methods, instances, object paths and status codes.
 *
 * <p>Values are plain Java objects, by CIM type: {@code boolean} is {@link java.lang.Boolean}; every
 * integer type is {@link java.lang.Long} (uint64 values are limited to 2^63-1); real32 and real64 are
 * {@link java.lang.Double}; char16 and string are {@link java.lang.String}; datetime is
 * {@link hvemu.cim.CimDateTime}; a reference is an {@link hvemu.cim.ObjectPath}; an array is an
 * immutable {@link java.util.List} of such values; null is NULL.
 *
 * <p>{@code hvemu.cim.binding} holds the typed method parameters generated at build time from the class
 * schemas in {@code schemas/cim} (DSP0230), with REF fields as object paths; providers take and return
 * them. They carry JAXB annotations, and {@code ReferenceAdapter} lets the wire layer say how a
 * reference reads and writes.
 *
 * <p>Depends on: nothing of hvemu. Must not import: XML, SOAP, HTTP or any other hvemu layer (the
 * generated bindings excepted, which refer to nothing above cim).
 */
package hvemu.cim;
