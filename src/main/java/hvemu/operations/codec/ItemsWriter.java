package hvemu.operations.codec;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.operations.Namespaces;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes enumeration items in the three modes of DSP0226 §8.6 (wire.md §3.3): the instance; its
 * {@code wsa:EndpointReference}; or {@code w:Item} holding both, instance first.
 */
public final class ItemsWriter {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final Schema schema;
    private final InstanceWriter instances;

    public ItemsWriter(Schema schema) {
        this.schema = schema;
        this.instances = new InstanceWriter(schema);
    }

    /** Writes one item. */
    public void write(XMLStreamWriter out, CimInstance instance, boolean object, boolean epr, ResourceUri style,
            boolean preciseArrays) throws XMLStreamException {
        if (object && epr) {
            out.writeStartElement("w", "Item", Namespaces.WSMAN);
            out.writeNamespace("w", Namespaces.WSMAN);
        }
        if (object) {
            instances.write(out, instance, style, preciseArrays);
        }
        if (epr) {
            ObjectPath path = MofLoader.pathOf(schema, instance);
            out.writeStartElement("wsa", "EndpointReference", Namespaces.ADDRESSING);
            EprWriter.declare(out);
            EprWriter.writeChildren(out, path, style);
            out.writeEndElement();
        }
        if (object && epr) {
            out.writeEndElement();
        }
    }

    /** Returns how many bytes the item takes in UTF-8. */
    public long size(CimInstance instance, boolean object, boolean epr, ResourceUri style, boolean preciseArrays) {
        Counter counter = new Counter();
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(counter, "UTF-8");
            write(out, instance, object, epr, style, preciseArrays);
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
