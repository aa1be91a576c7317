package hvemu.operations;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the content of a reply's {@code s:Body} to a stream, so that a reply is never held as a
 * document.
 */
@FunctionalInterface
public interface BodyWriter {
    /** A body with no content. */
    BodyWriter EMPTY = out -> { };

    /** Writes the body content; the caller has opened {@code s:Body} and closes it afterwards. */
    void writeTo(XMLStreamWriter out) throws XMLStreamException;
}
