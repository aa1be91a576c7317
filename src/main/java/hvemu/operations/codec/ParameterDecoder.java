package hvemu.operations.codec;

import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.cim.CimStatus;
import hvemu.cim.CimType;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decodes a {@code <Method>_INPUT} element by the method's MOF signature (wire.md §3.4): one child per
 * IN parameter, matched by local name whatever its namespace prefix; arrays as repeated elements; REF
 * parameters as EPR children; {@code xsi:nil="true"} as NULL; datetimes as text or in
 * {@code cim:Datetime}, {@code cim:Interval} or {@code cim:CIM_DateTime}. {@code xsi:type} attributes
 * are not resolved: the MI client writes them with undeclared prefixes (wire.md §2.1).
 *
 * <p>Unknown parameters, OUT-only parameters, repeated scalars and values of the wrong type are
 * {@code w:InvalidParameter}.
 */
public final class ParameterDecoder {
    private static final javax.xml.stream.XMLInputFactory INPUT = javax.xml.stream.XMLInputFactory.newFactory();

    private ParameterDecoder() {
    }

    /** Returns the IN arguments by parameter name; the reader is on the INPUT start tag. */
    public static Map<String, Object> decode(XMLStreamReader in, CimMethod method, String namespace)
            throws XMLStreamException, OperationException {
        return decode(in, method, namespace, true);
    }

    /** Returns the IN arguments of an INPUT element copied into a DOM. */
    public static Map<String, Object> decode(org.w3c.dom.Element input, CimMethod method, String namespace)
            throws OperationException {
        try {
            XMLStreamReader in = INPUT.createXMLStreamReader(new javax.xml.transform.dom.DOMSource(input));
            in.nextTag();
            return decode(in, method, namespace);
        } catch (XMLStreamException e) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR, "The parameters cannot be read.");
        }
    }

    /** Returns ReturnValue and the OUT parameters of an OUTPUT element; the reader is on its start tag. */
    public static Map.Entry<Long, Map<String, Object>> decodeOutput(XMLStreamReader in, CimMethod method, String namespace)
            throws XMLStreamException, OperationException {
        CimMethod withReturn = new CimMethod(method.name(), method.returnType(), concat(method.parameters(),
                new CimParameter("ReturnValue", method.returnType(), null, false, false, true, hvemu.cim.Qualifiers.NONE)),
                method.qualifiers(), method.classOrigin());
        Map<String, Object> values = decode(in, withReturn, namespace, false);
        for (CimParameter p : method.parameters()) {
            if (p.out() && p.array()) {
                // A typed array is a list: no element is an empty array, written as no element; a lone nil
                // element is a NULL array, written as one nil element (wire.md §4.2).
                Object v = values.get(p.name());
                values.put(p.name(), !values.containsKey(p.name()) ? List.of()
                        : v instanceof List<?> items && items.isEmpty() ? null : v);
            }
        }
        Object rv = values.remove("ReturnValue");
        return Map.entry(rv == null ? 2L : (Long) rv, values);
    }

    private static List<CimParameter> concat(List<CimParameter> a, CimParameter b) {
        List<CimParameter> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    private static Map<String, Object> decode(XMLStreamReader in, CimMethod method, String namespace, boolean input)
            throws XMLStreamException, OperationException {
        Map<String, Object> args = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<Object>> arrays = new LinkedHashMap<>();
        java.util.Set<String> scalars = new java.util.HashSet<>();
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = in.getLocalName();
            CimParameter p = method.parameter(name).orElseThrow(() -> new OperationException(FaultKind.INVALID_PARAMETER,
                    FaultDetail.INVALID_NAME, "The method " + method.name() + " has no parameter " + name + "."));
            if (input ? !p.in() : !p.out()) {
                throw new OperationException(FaultKind.INVALID_PARAMETER, FaultDetail.INVALID_NAME,
                        "The parameter " + p.name() + " of " + method.name() + " is an output, not an input.");
            }
            Object value = value(in, p, namespace);
            if (p.array()) {
                List<Object> items = arrays.computeIfAbsent(p.name(), k -> new ArrayList<>());
                if (value != null) {
                    items.add(value);
                }
                args.put(p.name(), items);
            } else {
                if (!scalars.add(p.name().toLowerCase(java.util.Locale.ROOT))) {
                    throw new OperationException(FaultKind.INVALID_PARAMETER, FaultDetail.INVALID_VALUE,
                            "The parameter " + p.name() + " is not an array but is given more than once.");
                }
                args.put(p.name(), value);
            }
        }
        arrays.forEach((k, v) -> args.put(k, List.copyOf(v)));
        return args;
    }

    private static Object value(XMLStreamReader in, CimParameter p, String namespace)
            throws XMLStreamException, OperationException {
        if ("true".equals(in.getAttributeValue(Namespaces.XSI, "nil"))) {
            text(in);
            return null;
        }
        if (p.type() == CimType.REFERENCE) {
            return EprReader.read(in, namespace);
        }
        String text = text(in);
        try {
            return p.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new OperationException(FaultKind.INVALID_PARAMETER, FaultDetail.TYPE_MISMATCH, CimStatus.TYPE_MISMATCH,
                    "The parameter " + p.name() + " is " + p.type().mofName() + (p.array() ? "[]" : "") + ": "
                            + e.getMessage() + ".");
        }
    }

    /** Reads to the end of the element; returns its text, or that of the element inside it (cim:Datetime and the like). */
    static String text(XMLStreamReader in) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(in.getText());
            }
        }
        return text.toString();
    }
}
