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
 * endpoint references, NULL as nil; a NULL array is also marked {@code IsNullArray} for a client that
 * asked for precise arrays, as instances are (wire.md §4.2).
 */
public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Writes the OUTPUT element.
     *
     * @param requestUri the request's resource URI: the element's namespace
     * @param style the style in which EPRs are written
     * @param preciseArrays whether the client asked for {@code msftwinrm:UsePreciseArrays}
     */
    public static void write(XMLStreamWriter out, CimMethod method, long returnValue, Map<String, Object> outs,
            String requestUri, ResourceUri style, boolean preciseArrays) throws XMLStreamException {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(outs);
        List<CimParameter> parameters = new ArrayList<>();
        for (CimParameter p : method.parameters()) {
            if (p.out()) {
                parameters.add(p);
            }
        }
        parameters.add(null);
        parameters.sort(Comparator.comparing(p -> p == null ? "ReturnValue" : p.name(), String.CASE_INSENSITIVE_ORDER));
        out.writeStartElement("p", method.name() + "_OUTPUT", requestUri);
        out.writeNamespace("p", requestUri);
        out.writeNamespace("xsi", Namespaces.XSI);
        out.writeNamespace("cim", Namespaces.CIM);
        for (CimParameter p : parameters) {
            if (p == null) {
                out.writeStartElement("p", "ReturnValue", requestUri);
                out.writeCharacters(Long.toString(returnValue));
                out.writeEndElement();
            } else {
                value(out, requestUri, p, values.get(p.name()), style, preciseArrays);
            }
        }
        out.writeEndElement();
    }

    private static void value(XMLStreamWriter out, String ns, CimParameter p, Object value, ResourceUri style,
            boolean preciseArrays) throws XMLStreamException {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                value(out, ns, p, item, style, preciseArrays);
            }
            return;
        }
        if (value == null) {
            out.writeStartElement("p", p.name(), ns);
            out.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
            if (p.array() && preciseArrays) {
                out.writeNamespace("m", Namespaces.MSFT);
                out.writeAttribute("m", Namespaces.MSFT, "IsNullArray", "true");
            }
            out.writeEndElement();
        } else {
            ValueWriter.element(out, ns, p.name(), value, style);
        }
    }
}
