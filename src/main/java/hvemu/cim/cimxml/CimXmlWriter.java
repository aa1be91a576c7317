package hvemu.cim.cimxml;

import hvemu.cim.CimClass;
import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.schema.Schema;
import java.util.List;

/** Writes one instance as CIM-XML text, escaping as XML 1.0 requires. */
final class CimXmlWriter {
    private CimXmlWriter() {
    }

    static String write(Schema schema, CimInstance instance) {
        CimClass cls = schema.find(instance.className()).orElseThrow(() -> new CimXmlException(
                "The class " + instance.className() + " is not in the schema."));
        for (String name : instance.values().keySet()) {
            if (cls.property(name).isEmpty()) {
                throw new CimXmlException("The class " + cls.name() + " has no property " + name + ".");
            }
        }
        StringBuilder out = new StringBuilder(512);
        out.append("<INSTANCE CLASSNAME=\"");
        attribute(out, cls.name());
        out.append("\">");
        for (CimProperty p : cls.properties()) {
            property(out, cls, p, instance.get(p.name()));
        }
        return out.append("</INSTANCE>").toString();
    }

    private static void property(StringBuilder out, CimClass cls, CimProperty p, Object value) {
        if (p.type() == CimType.REFERENCE) {
            if (value != null) {
                throw new CimXmlException("The property " + p.name() + " of " + cls.name()
                        + " is a reference; hvemu carries no references in CIM-XML.");
            }
            out.append("<PROPERTY.REFERENCE NAME=\"");
            attribute(out, p.name());
            out.append("\" REFERENCECLASS=\"");
            attribute(out, p.referenceClass());
            out.append("\"/>");
            return;
        }
        String element = p.array() ? "PROPERTY.ARRAY" : "PROPERTY";
        out.append('<').append(element).append(" NAME=\"");
        attribute(out, p.name());
        out.append("\" TYPE=\"").append(p.type().mofName()).append('"');
        if (p.embeddedInstance() != null) {
            out.append(" EmbeddedObject=\"instance\"");
        }
        if (value == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (p.array()) {
            if (!(value instanceof List<?> items)) {
                throw mismatch(cls, p, value);
            }
            out.append("<VALUE.ARRAY>");
            for (Object item : items) {
                value(out, cls, p, item);
            }
            out.append("</VALUE.ARRAY>");
        } else {
            value(out, cls, p, value);
        }
        out.append("</").append(element).append('>');
    }

    private static void value(StringBuilder out, CimClass cls, CimProperty p, Object v) {
        out.append("<VALUE>");
        escape(out, text(cls, p, v));
        out.append("</VALUE>");
    }

    /** Returns the DSP0201 text of a value of the property's type. */
    private static String text(CimClass cls, CimProperty p, Object v) {
        String text;
        try {
            text = valueText(p.type(), v);
        } catch (IllegalArgumentException e) {
            throw new CimXmlException("The property " + p.name() + " of " + cls.name() + ": " + e.getMessage() + ".");
        }
        if (text == null) {
            throw mismatch(cls, p, v);
        }
        return text;
    }

    /**
     * Returns the DSP0201 text of a value of a type, or null when the value is not of that type.
     *
     * @throws IllegalArgumentException when an integer is out of the type's range
     */
    static String valueText(CimType type, Object v) {
        if (type.isInteger() && v instanceof Long l) {
            return Long.toString(type.checkRange(l));
        }
        return switch (type) {
            case BOOLEAN -> v instanceof Boolean b ? (b ? "TRUE" : "FALSE") : null;
            case STRING -> v instanceof String s ? s : null;
            case CHAR16 -> v instanceof String s && s.length() == 1 ? s : null;
            case REAL32, REAL64 -> v instanceof Double d ? d.toString() : null;
            case DATETIME -> v instanceof CimDateTime dt ? dt.toCim() : null;
            default -> null;
        };
    }

    private static CimXmlException mismatch(CimClass cls, CimProperty p, Object v) {
        return new CimXmlException("The property " + p.name() + " of " + cls.name() + " is " + p.type().mofName()
                + (p.array() ? "[]" : "") + "; the instance holds " + (v == null ? "NULL" : v.getClass().getSimpleName())
                + " " + v + ".");
    }

    private static void attribute(StringBuilder out, String text) {
        escape(out, text, true);
    }

    private static void escape(StringBuilder out, String text) {
        escape(out, text, false);
    }

    /**
     * Appends text escaped for XML content, or for a quoted attribute; characters XML 1.0 cannot carry are
     * refused. A carriage return is kept as a reference, and so are tabs and line feeds in attributes, so
     * that a parser gives them back instead of normalizing them.
     */
    private static void escape(StringBuilder out, String text, boolean inAttribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(inAttribute ? "&quot;" : "\"");
                case '\'' -> out.append(inAttribute ? "&apos;" : "'");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(inAttribute ? "&#9;" : "\t");
                case '\n' -> out.append(inAttribute ? "&#10;" : "\n");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF
                            || (Character.isSurrogate(c) && !validPair(text, i))) {
                        throw new CimXmlException("XML cannot carry the character U+"
                                + String.format("%04X", (int) c) + " at " + i + " of \"" + text + "\".");
                    }
                    if (Character.isHighSurrogate(c)) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean validPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
