package hvemu.operations.codec;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.schema.Schema;
import hvemu.operations.Namespaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an instance as WinRM does (wire.md §4.2): the class element in its own class's namespace with
 * {@code xsi:type="p:<Class>_Type"}; every property in case-insensitive alphabetical order; NULL as
 * {@code xsi:nil="true"}; arrays as repeated elements (an empty array is omitted, a NULL array is one
 * nil element, marked {@code IsNullArray} for clients that ask for precise arrays); datetimes in
 * {@code cim:Datetime} or {@code cim:Interval}; references as endpoint references.
 */
public final class InstanceWriter {
    private static final Comparator<CimProperty> ALPHABETICAL =
            Comparator.comparing(p -> p.name(), String.CASE_INSENSITIVE_ORDER);

    private final Schema schema;

    public InstanceWriter(Schema schema) {
        this.schema = schema;
    }

    /**
     * Writes the instance element.
     *
     * @param style the request's resource URI style, in which class namespaces are rendered
     * @param preciseArrays whether the client asked for {@code msftwinrm:UsePreciseArrays}
     */
    public void write(XMLStreamWriter out, CimInstance instance, ResourceUri style, boolean preciseArrays)
            throws XMLStreamException {
        write(out, instance, null, style, preciseArrays);
    }

    /**
     * Writes the instance element with only the named properties (names the class lacks are skipped), as
     * an association filter's {@code IncludeResultProperty} asks; all of them when {@code included} is null.
     */
    public void write(XMLStreamWriter out, CimInstance instance, List<String> included, ResourceUri style,
            boolean preciseArrays) throws XMLStreamException {
        CimClass cls = schema.get(instance.className());
        String ns = style.classUri(cls.name());
        out.writeStartElement("p", cls.name(), ns);
        out.writeNamespace("p", ns);
        out.writeNamespace("xsi", Namespaces.XSI);
        out.writeNamespace("cim", Namespaces.CIM);
        out.writeAttribute("xsi", Namespaces.XSI, "type", "p:" + cls.name() + "_Type");
        List<CimProperty> properties = new ArrayList<>(cls.properties());
        if (included != null) {
            properties.removeIf(p -> included.stream().noneMatch(p.name()::equalsIgnoreCase));
        }
        properties.sort(ALPHABETICAL);
        for (CimProperty property : properties) {
            writeProperty(out, ns, property, instance.get(property.name()), style, preciseArrays);
        }
        out.writeEndElement();
    }

    /**
     * Writes a projection of an instance as WinRM answers {@code SELECT A, B FROM X} (wire.md §3.3): a
     * {@code w:XmlFragment} holding the selected properties as unqualified elements in alphabetical
     * order, values written as in an instance.
     */
    public void writeFragment(XMLStreamWriter out, CimInstance instance, List<String> selected, ResourceUri style,
            boolean preciseArrays) throws XMLStreamException {
        CimClass cls = schema.get(instance.className());
        out.writeStartElement("w", "XmlFragment", Namespaces.WSMAN);
        out.writeNamespace("xsi", Namespaces.XSI);
        out.writeNamespace("w", Namespaces.WSMAN);
        out.writeNamespace("cim", Namespaces.CIM);
        List<CimProperty> properties = new ArrayList<>();
        for (String name : selected) {
            cls.property(name).ifPresent(properties::add);
        }
        properties.sort(ALPHABETICAL);
        for (CimProperty property : properties) {
            writeProperty(out, null, property, instance.get(property.name()), style, preciseArrays);
        }
        out.writeEndElement();
    }

    private void writeProperty(XMLStreamWriter out, String ns, CimProperty property, Object value, ResourceUri style,
            boolean preciseArrays) throws XMLStreamException {
        if (value == null) {
            ValueWriter.start(out, ns, property.name());
            out.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
            if (property.array() && preciseArrays) {
                out.writeNamespace("m", Namespaces.MSFT);
                out.writeAttribute("m", Namespaces.MSFT, "IsNullArray", "true");
            }
            out.writeEndElement();
            return;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                writeProperty(out, ns, property, item, style, preciseArrays);
            }
            return;
        }
        ValueWriter.element(out, ns, property.name(), value, style);
    }
}
