package hvemu.cim.cimxml;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.binding.Documents;
import hvemu.cim.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads one CIM-XML {@code INSTANCE} into an instance typed by the schema. */
final class CimXmlReader {
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX][0-9a-fA-F]+");

    private CimXmlReader() {
    }

    static CimInstance read(Schema schema, String text) {
        if (text == null || text.isBlank()) {
            throw new CimXmlException("The CIM-XML text is empty.");
        }
        Element root;
        try {
            root = Documents.parse(text.strip()).getDocumentElement();
        } catch (SAXException e) {
            throw new CimXmlException("The CIM-XML text is not well-formed XML: " + e.getMessage(), e);
        }
        if (!"INSTANCE".equals(root.getTagName())) {
            throw new CimXmlException("The CIM-XML text is a " + root.getTagName() + ", not an INSTANCE.");
        }
        String className = root.getAttribute("CLASSNAME");
        if (className.isEmpty()) {
            throw new CimXmlException("The INSTANCE has no CLASSNAME.");
        }
        CimClass cls = schema.find(className).orElseThrow(() -> new CimXmlException(
                "The INSTANCE is of class " + className + ", which is not in the schema."));
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Element e : children(root)) {
            String tag = e.getTagName();
            if (tag.equals("QUALIFIER")) {
                continue;
            }
            if (!tag.equals("PROPERTY") && !tag.equals("PROPERTY.ARRAY") && !tag.equals("PROPERTY.REFERENCE")) {
                throw new CimXmlException("The INSTANCE of " + cls.name() + " holds a " + tag
                        + "; only PROPERTY, PROPERTY.ARRAY, PROPERTY.REFERENCE and QUALIFIER may appear.");
            }
            String name = e.getAttribute("NAME");
            CimProperty p = cls.property(name).orElseThrow(() -> new CimXmlException(
                    "The class " + cls.name() + " has no property " + (name.isEmpty() ? "(unnamed)" : name) + "."));
            if (!seen.add(p.name().toLowerCase(Locale.ROOT))) {
                throw new CimXmlException("The property " + p.name() + " of " + cls.name() + " is given twice.");
            }
            Object value = property(cls, p, e);
            if (value != null) {
                values.put(p.name(), value);
            }
        }
        return CimInstance.of(cls.name(), values);
    }

    private static Object property(CimClass cls, CimProperty p, Element e) {
        String where = "The property " + p.name() + " of " + cls.name();
        String expected = p.type() == CimType.REFERENCE ? "PROPERTY.REFERENCE"
                : p.array() ? "PROPERTY.ARRAY" : "PROPERTY";
        if (!e.getTagName().equals(expected)) {
            throw new CimXmlException(where + " is " + p.type().mofName() + (p.array() ? "[]" : "")
                    + " and is given as " + expected + ", not " + e.getTagName() + ".");
        }
        checkType(where, p, e.getAttribute("TYPE"));
        List<Element> content = new ArrayList<>();
        for (Element child : children(e)) {
            if (!child.getTagName().equals("QUALIFIER")) {
                content.add(child);
            }
        }
        if (content.isEmpty()) {
            return null;
        }
        if (content.size() > 1) {
            throw new CimXmlException(where + " has more than one value.");
        }
        Element v = content.get(0);
        if (p.type() == CimType.REFERENCE) {
            throw new CimXmlException(where + " is a reference; hvemu reads no references from CIM-XML.");
        }
        if (!p.array()) {
            expect(where, v, "VALUE");
            return value(where, p, v);
        }
        expect(where, v, "VALUE.ARRAY");
        List<Object> items = new ArrayList<>();
        for (Element item : children(v)) {
            if (item.getTagName().equals("VALUE.NULL")) {
                throw new CimXmlException(where + " holds a NULL element; arrays of hvemu hold no NULLs.");
            }
            expect(where, item, "VALUE");
            items.add(value(where, p, item));
        }
        return List.copyOf(items);
    }

    /** A TYPE attribute, when given, must agree with the schema; integer types may differ in width. */
    private static void checkType(String where, CimProperty p, String type) {
        if (type.isEmpty() || p.type() == CimType.REFERENCE) {
            return;
        }
        CimType given = CimType.ofMofName(type);
        if (given == null) {
            throw new CimXmlException(where + " has TYPE \"" + type + "\", which is not a CIM type.");
        }
        if (given != p.type() && !(given.isInteger() && p.type().isInteger())) {
            throw new CimXmlException(where + " is " + p.type().mofName() + ", not " + type + ".");
        }
    }

    private static void expect(String where, Element e, String tag) {
        if (!e.getTagName().equals(tag)) {
            throw new CimXmlException(where + " holds a " + e.getTagName() + " where a " + tag + " belongs.");
        }
    }

    private static Object value(String where, CimProperty p, Element v) {
        if (!children(v).isEmpty()) {
            throw new CimXmlException(where + " has a VALUE that holds elements, not text.");
        }
        String text = v.getTextContent();
        try {
            String t = text.strip();
            if (p.type().isInteger() && HEX.matcher(t).matches()) {
                // Accepted leniently, as MOF writes integers too (0x1F).
                boolean negative = t.startsWith("-");
                int x = Math.max(t.indexOf('x'), t.indexOf('X'));
                long magnitude = Long.parseLong(t.substring(x + 1), 16);
                return p.type().checkRange(negative ? -magnitude : magnitude);
            }
            return p.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new CimXmlException(where + " is " + p.type().mofName() + ": " + e.getMessage() + ".", e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
