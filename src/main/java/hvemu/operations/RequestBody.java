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

    /**
     * Reads the first body element with {@code reader}, positioned on its start tag, then the rest of
     * the request, so XML that is not well-formed is found before the operation acts.
     *
     * @throws OperationException what the reader throws, or {@link FaultKind#SCHEMA_VALIDATION_ERROR}
     *     when the XML cannot be read
     */
    <T> T read(BodyReader<T> reader) throws OperationException;

    /** Reads a body element from a stream positioned on its start tag. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(javax.xml.stream.XMLStreamReader in) throws javax.xml.stream.XMLStreamException, OperationException;
    }

    /** Returns true when the body has no element. */
    default boolean isEmpty() {
        return element() == null;
    }
}
