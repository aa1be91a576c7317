package hvemu.operations;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
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
        Counter counter = new Counter();
        try {
            XMLStreamWriter out = Counter.OUTPUT.createXMLStreamWriter(counter, "UTF-8");
            write(out, item);
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an item cannot be written", e);
        }
        return counter.count;
    }

    /** Counts the bytes written to it. */
    final class Counter extends OutputStream {
        private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
