package hvemu.operations.codec;

import hvemu.cim.ObjectPath;
import hvemu.operations.Namespaces;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an object path as the children of an endpoint reference: {@code wsa:Address} (anonymous) and
 * {@code wsa:ReferenceParameters} with {@code wsman:ResourceURI} and {@code wsman:SelectorSet}
 * (wire.md §4.2), plus {@code __cimnamespace} in the DMTF style (MS-WSMV &lt;45&gt;).
 *
 * <p>The prefixes are {@code wsa} and {@code wsman}, declared on the element that holds the EPR:
 * {@code wsl invoke} copies EPR lines into requests that declare only those two (clients.md).
 */
public final class EprWriter {
    private static final String ANONYMOUS = Namespaces.ADDRESSING + "/role/anonymous";

    private EprWriter() {
    }

    /** Declares the EPR prefixes on the element just started. */
    public static void declare(XMLStreamWriter out) throws XMLStreamException {
        out.writeNamespace("wsa", Namespaces.ADDRESSING);
        out.writeNamespace("wsman", Namespaces.WSMAN);
    }

    /** Writes Address and ReferenceParameters of the path, in the style of {@code style}. */
    public static void writeChildren(XMLStreamWriter out, ObjectPath path, ResourceUri style) throws XMLStreamException {
        out.writeStartElement("wsa", "Address", Namespaces.ADDRESSING);
        out.writeCharacters(ANONYMOUS);
        out.writeEndElement();
        out.writeStartElement("wsa", "ReferenceParameters", Namespaces.ADDRESSING);
        out.writeStartElement("wsman", "ResourceURI", Namespaces.WSMAN);
        out.writeCharacters(style.classUri(path.className()));
        out.writeEndElement();
        out.writeStartElement("wsman", "SelectorSet", Namespaces.WSMAN);
        if (style.dmtf()) {
            selector(out, ResourceUri.CIM_NAMESPACE, style.namespacePath(), style);
        }
        for (Map.Entry<String, Object> key : path.keys().entrySet()) {
            selector(out, key.getKey(), key.getValue(), style);
        }
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void selector(XMLStreamWriter out, String name, Object value, ResourceUri style)
            throws XMLStreamException {
        out.writeStartElement("wsman", "Selector", Namespaces.WSMAN);
        out.writeAttribute("Name", name);
        if (value instanceof ObjectPath ref) {
            // A reference key travels as a nested endpoint reference (DSP0227 §7.2).
            out.writeStartElement("wsa", "EndpointReference", Namespaces.ADDRESSING);
            writeChildren(out, ref, style);
            out.writeEndElement();
        } else {
            out.writeCharacters(ValueText.of(value));
        }
        out.writeEndElement();
    }
}
