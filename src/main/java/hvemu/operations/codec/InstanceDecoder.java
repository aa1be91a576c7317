package hvemu.operations.codec;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimStatus;
import hvemu.cim.CimType;
import hvemu.cim.schema.Schema;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decodes an instance element, the body of a Put (wire.md §3.5, MS-WSMV §4.1.3), by its class's MOF:
 * one child per property, matched by local name whatever its prefix; arrays as repeated elements; REF
 * properties as EPR children; {@code xsi:nil="true"} as NULL; datetimes as text or in
 * {@code cim:Datetime} or {@code cim:Interval}. {@code xsi:type} attributes are not resolved: the MI
 * client writes {@code cim:} types without declaring the prefix (wire.md §2.1). A trailing
 * {@code cim:Location}, as MS-WSMV's example carries, is skipped.
 *
 * <p>What the body does not represent is {@code x:InvalidRepresentation}: an element of another class
 * or namespace ({@code InvalidNamespace}), a property the class lacks, a scalar given twice or a value
 * of the wrong type ({@code InvalidValues}).
 */
public final class InstanceDecoder {
    private InstanceDecoder() {
    }

    /**
     * Returns the class a Put body element stands for: the class its namespace names, in either URI
     * style (wire.md §4.1), which must be the class of {@code instance} or one of its ancestors, and
     * whose name the element must have.
     *
     * @throws OperationException {@code x:InvalidRepresentation} when the element is not such a class's
     */
    public static CimClass classOf(QName element, Schema schema, CimInstance instance) throws OperationException {
        String named = className(element.getNamespaceURI(), schema.namespace());
        CimClass cls = named == null ? null : schema.find(named).orElse(null);
        if (cls == null || !schema.isA(instance.className(), cls.name())) {
            throw new OperationException(FaultKind.INVALID_REPRESENTATION, FaultDetail.INVALID_NAMESPACE,
                    "The body holds a " + element.getLocalPart() + " element in the namespace "
                            + element.getNamespaceURI() + ", which is not the namespace of " + instance.className()
                            + " nor of a class it derives from: the instance addressed is a " + instance.className()
                            + ".");
        }
        if (!element.getLocalPart().equalsIgnoreCase(cls.name())) {
            throw new OperationException(FaultKind.INVALID_REPRESENTATION, FaultDetail.INVALID_VALUES,
                    "The body element in the namespace of " + cls.name() + " must be " + cls.name() + ", not "
                            + element.getLocalPart() + ".");
        }
        return cls;
    }

    /** Returns the class a namespace URI of the WMI or DMTF style names in the served namespace, or null. */
    private static String className(String uri, String namespace) {
        String wmi = Namespaces.WMI_URI + namespace.replace('\\', '/') + "/";
        if (uri.regionMatches(true, 0, wmi, 0, wmi.length())) {
            return uri.substring(wmi.length());
        }
        if (uri.regionMatches(true, 0, Namespaces.DMTF_URI, 0, Namespaces.DMTF_URI.length())) {
            return uri.substring(Namespaces.DMTF_URI.length());
        }
        return null;
    }

    /**
     * Returns the property values the element holds, by property name as declared, in document order;
     * the reader is on the element's start tag and ends on its end tag.
     *
     * @param namespace the served namespace, of the paths of REF values
     */
    public static Map<String, Object> decode(XMLStreamReader in, CimClass cls, String namespace)
            throws XMLStreamException, OperationException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<Object>> arrays = new LinkedHashMap<>();
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (Namespaces.CIM.equals(in.getNamespaceURI()) && in.getLocalName().equals("Location")) {
                ParameterDecoder.text(in);
                continue;
            }
            String name = in.getLocalName();
            CimProperty p = cls.property(name).orElseThrow(() -> invalid(CimStatus.NO_SUCH_PROPERTY, "The class "
                    + cls.name() + " has no property " + name + "."));
            Object value = value(in, p, namespace);
            if (p.array()) {
                List<Object> items = arrays.computeIfAbsent(p.name(), k -> new ArrayList<>());
                if (value != null) {
                    items.add(value);
                }
                values.put(p.name(), value == null && items.isEmpty() ? null : items);
            } else if (values.containsKey(p.name())) {
                throw invalid("The property " + p.name() + " of " + cls.name() + " is not an array but is given more"
                        + " than once.");
            } else {
                values.put(p.name(), value);
            }
        }
        values.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
        return values;
    }

    private static Object value(XMLStreamReader in, CimProperty p, String namespace)
            throws XMLStreamException, OperationException {
        if ("true".equals(in.getAttributeValue(Namespaces.XSI, "nil"))) {
            ParameterDecoder.text(in);
            return null;
        }
        if (p.type() == CimType.REFERENCE) {
            return EprReader.read(in, namespace);
        }
        String text = ParameterDecoder.text(in);
        try {
            return p.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(CimStatus.TYPE_MISMATCH, "The property " + p.name() + " is " + p.type().mofName()
                    + (p.array() ? "[]" : "") + ": " + e.getMessage() + ".");
        }
    }

    private static OperationException invalid(String message) {
        return invalid(null, message);
    }

    private static OperationException invalid(CimStatus status, String message) {
        return new OperationException(FaultKind.INVALID_REPRESENTATION, FaultDetail.INVALID_VALUES, status, message);
    }
}
