package hvemu.operations;

import javax.xml.namespace.QName;

/**
 * The body of a request, read on demand.
 *
 * <p>The body can be read once: {@link #as(Class)} consumes it. Implementations are not thread-safe;
 * a body belongs to the request being processed.
 */
public interface RequestBody {
    /** Returns the qualified name of the first body element, or null when the body is empty. */
    QName element();

    /**
     * Returns the first body element bound to the given JAXB class.
     *
     * @throws OperationException {@link FaultKind#SCHEMA_VALIDATION_ERROR} when the body cannot be read
     *     as that class
     */
    <T> T as(Class<T> type) throws OperationException;

    /** Returns true when the body has no element. */
    default boolean isEmpty() {
        return element() == null;
    }
}
