package hvemu.operations.codec;

import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.operations.Namespaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code <p:<Method>_OUTPUT>} as WinRM does (wire.md §3.4): in the namespace of the request's
 * resource URI exactly, with the OUT parameters and ReturnValue in alphabetical order, REF values as
 * endpoint references, NULL as nil.
 */
public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Writes the OUTPUT element.
     *
     * @param requestUri the request's resource URI: the element's namespace
     * @param style the style in which EPRs are written
     */
    public static void write(XMLStreamWriter out, CimMethod method, long returnValue, Map<String, Object> outs,
            String requestUri, ResourceUri style) throws XMLStreamException {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(outs);
        List<String> names = new ArrayList<>();
        for (CimParameter p : method.parameters()) {
            if (p.out()) {
                names.add(p.name());
            }
        }
        names.add("ReturnValue");
        names.sort(Comparator.comparing(n -> n, String.CASE_INSENSITIVE_ORDER));
        out.writeStartElement("p", method.name() + "_OUTPUT", requestUri);
        out.writeNamespace("p", requestUri);
        out.writeNamespace("xsi", Namespaces.XSI);
        out.writeNamespace("cim", Namespaces.CIM);
        for (String name : names) {
            if (name.equals("ReturnValue")) {
                out.writeStartElement("p", name, requestUri);
                out.writeCharacters(Long.toString(returnValue));
                out.writeEndElement();
            } else {
                value(out, requestUri, name, values.get(name), style);
            }
        }
        out.writeEndElement();
    }

    private static void value(XMLStreamWriter out, String ns, String name, Object value, ResourceUri style)
            throws XMLStreamException {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                value(out, ns, name, item, style);
            }
            return;
        }
        if (value == null) {
            out.writeStartElement("p", name, ns);
            out.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
            out.writeEndElement();
        } else {
            ValueWriter.element(out, ns, name, value, style);
        }
    }
}
