package hvemu.operations.codec;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Measures how many bytes some XML takes in UTF-8, by writing it to a counter rather than a buffer. */
public final class XmlSize {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** What writes the XML to measure. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(XMLStreamWriter out) throws XMLStreamException;
    }

    private XmlSize() {
    }

    /** Returns the number of UTF-8 bytes {@code writing} produces. */
    public static long of(Writing writing) {
        Counter counter = new Counter();
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(counter, "UTF-8");
            writing.writeTo(out);
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an item cannot be written", e);
        }
        return counter.count;
    }

    private static final class Counter extends OutputStream {
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
