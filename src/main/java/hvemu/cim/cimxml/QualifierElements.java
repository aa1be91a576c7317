package hvemu.cim.cimxml;

import hvemu.cim.Qualifiers;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code QUALIFIER} elements (DSP0201): name, PROPAGATED when the qualifier comes from
 * a superclass, type, the flavors that differ from CIM-XML's defaults, and the value.
 *
 * <p>The type follows the value, as hvemu's MOF declares no qualifier types: booleans are
 * {@code boolean}, text {@code string}, integers {@code sint32} (the type Windows reports for
 * {@code MaxLen} and other integer qualifiers, gosammwr docs/cimsession_flow/03_Res_schema.xml), reals
 * {@code real64}; a list is a {@code VALUE.ARRAY} of its items' type.
 */
final class QualifierElements {
    private QualifierElements() {
    }

    /**
     * Writes the qualifiers of an element in name order, case-insensitive, as Windows does. One not in
     * {@code declared} is propagated: it is marked so, or left out when {@code onlyDeclared}, and left out
     * anyway when its flavor is Restricted (DSP0004: it does not pass to subclasses).
     *
     * @param declared the qualifiers the class's own declaration gives the element; null marks none propagated
     */
    static void write(XMLStreamWriter out, Qualifiers qualifiers, Qualifiers declared, boolean onlyDeclared)
            throws XMLStreamException {
        for (Map.Entry<String, Object> q : qualifiers.asMap().entrySet()) {
            boolean propagated = declared != null && !declared.asMap().containsKey(q.getKey());
            if (propagated && (onlyDeclared || !QualifierFlavors.of(q.getKey()).toSubclass())) {
                continue;
            }
            write(out, q.getKey(), q.getValue(), propagated);
        }
    }

    private static void write(XMLStreamWriter out, String name, Object value, boolean propagated)
            throws XMLStreamException {
        out.writeStartElement("QUALIFIER");
        out.writeAttribute("NAME", name);
        if (propagated) {
            out.writeAttribute("PROPAGATED", "true");
        }
        out.writeAttribute("TYPE", typeOf(value));
        QualifierFlavors.Flavor flavor = QualifierFlavors.of(name);
        if (!flavor.overridable()) {
            out.writeAttribute("OVERRIDABLE", "false");
        }
        if (!flavor.toSubclass()) {
            out.writeAttribute("TOSUBCLASS", "false");
        }
        if (flavor.translatable()) {
            out.writeAttribute("TRANSLATABLE", "true");
        }
        if (value instanceof List<?> items) {
            out.writeStartElement("VALUE.ARRAY");
            for (Object item : items) {
                value(out, item);
            }
            out.writeEndElement();
        } else if (value != null) {
            value(out, value);
        }
        out.writeEndElement();
    }

    private static void value(XMLStreamWriter out, Object value) throws XMLStreamException {
        out.writeStartElement("VALUE");
        out.writeCharacters(value instanceof Boolean b ? (b ? "TRUE" : "FALSE") : String.valueOf(value));
        out.writeEndElement();
    }

    private static String typeOf(Object value) {
        Object sample = value instanceof List<?> items ? (items.isEmpty() ? null : items.get(0)) : value;
        if (sample instanceof Boolean) {
            return "boolean";
        }
        if (sample instanceof Long) {
            return "sint32";
        }
        if (sample instanceof Double) {
            return "real64";
        }
        return "string";
    }
}
