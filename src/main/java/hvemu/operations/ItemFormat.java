package hvemu.operations;

import hvemu.operations.codec.XmlSize;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * How the items of one enumeration are written into {@code Items}, and how many bytes each takes, so
 * that a batch fits the client's MaxEnvelopeSize. Implementations must be thread-safe.
 *
 * @param <T> the kind of item: instances, or class declarations
 */
interface ItemFormat<T> {
    /** Writes one item. */
    void write(XMLStreamWriter out, T item) throws XMLStreamException;

    /** Returns how many bytes the item takes in UTF-8; by default, by writing it to a counter. */
    default long size(T item) {
        return XmlSize.of(out -> write(out, item));
    }
}
