package hvemu.operations.codec;

import hvemu.cim.CimDateTime;
import hvemu.cim.ObjectPath;
import hvemu.operations.Namespaces;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the content of a property or parameter element holding one non-NULL value: a reference as
 * EPR children, a datetime in {@code cim:Datetime} or {@code cim:Interval}, anything else as text
 * (wire.md §4.2).
 */
final class ValueWriter {
    private ValueWriter() {
    }

    /** Writes {@code <p:name>value</p:name>}, or {@code <name>value</name>} when {@code ns} is null. */
    static void element(XMLStreamWriter out, String ns, String name, Object value, ResourceUri style)
            throws XMLStreamException {
        start(out, ns, name);
        if (value instanceof ObjectPath path) {
            EprWriter.declare(out);
            EprWriter.writeChildren(out, path, style);
        } else if (value instanceof CimDateTime dt) {
            out.writeStartElement("cim", dt.isInterval() ? "Interval" : "Datetime", Namespaces.CIM);
            out.writeCharacters(dt.toXml());
            out.writeEndElement();
        } else {
            out.writeCharacters(ValueText.of(value));
        }
        out.writeEndElement();
    }

    /** Starts {@code p:name} in {@code ns}, or an unqualified {@code name} when {@code ns} is null. */
    static void start(XMLStreamWriter out, String ns, String name) throws XMLStreamException {
        if (ns == null) {
            out.writeStartElement(name);
        } else {
            out.writeStartElement("p", name, ns);
        }
    }
}
