package hvemu.cim.schema;

import hvemu.cim.CimClass;
import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the XML Schema of a class in the WS-CIM mapping (DMTF DSP0230): the class element and its
 * {@code <Class>_Type} with one element per property, and for each method its {@code <Method>_INPUT}
 * and {@code <Method>_OUTPUT} elements. The schemas in {@code schemas/cim/} are this writer's output for
 * the classes of {@code mof/}; a test keeps the two in step.
 *
 * <p>Elements come in case-insensitive alphabetical order, the order in which WinRM writes properties
 * and OUT parameters; CIM types map to the {@code cim:} types of {@code schemas/cim-common.xsd};
 * arrays repeat; every property and parameter may be absent or nil.
 */
public final class ClassSchemaWriter {
    /** The namespace of a class's schema, its DMTF resource URI. */
    public static final String CLASS_NAMESPACE = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER;

    private ClassSchemaWriter() {
    }

    /** Returns the schema text of a class. */
    public static String write(CimClass cls) {
        StringBuilder x = new StringBuilder();
        String ns = CLASS_NAMESPACE + cls.name();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- hvemu: the WS-CIM schema (DSP0230) of ").append(cls.name())
                .append(", written from mof/ by ClassSchemaWriter; do not edit (scripts/gen-cim-schemas). -->\n")
                .append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n")
                .append("           xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\"\n")
                .append("           xmlns:class=\"").append(ns).append("\"\n")
                .append("           targetNamespace=\"").append(ns).append("\"\n")
                .append("           elementFormDefault=\"qualified\">\n")
                .append("  <xs:import namespace=\"http://schemas.dmtf.org/wbem/wscim/1/common\" schemaLocation=\"../cim-common.xsd\"/>\n\n");
        List<CimProperty> properties = new ArrayList<>(cls.properties());
        properties.sort(Comparator.comparing(CimProperty::name, ORDER));
        x.append("  <xs:complexType name=\"").append(cls.name()).append("_Type\">\n    <xs:sequence>\n");
        for (CimProperty p : properties) {
            element(x, p.name(), p.type(), p.array());
        }
        x.append("    </xs:sequence>\n    <xs:anyAttribute namespace=\"##any\" processContents=\"lax\"/>\n  </xs:complexType>\n")
                .append("  <xs:element name=\"").append(cls.name()).append("\" type=\"class:").append(cls.name())
                .append("_Type\"/>\n");
        List<CimMethod> methods = new ArrayList<>(cls.methods());
        methods.sort(Comparator.comparing(CimMethod::name, ORDER));
        for (CimMethod m : methods) {
            x.append('\n');
            List<CimParameter> in = new ArrayList<>();
            List<CimParameter> out = new ArrayList<>();
            for (CimParameter p : m.parameters()) {
                if (p.in()) {
                    in.add(p);
                }
                if (p.out()) {
                    out.add(p);
                }
            }
            in.sort(Comparator.comparing(CimParameter::name, ORDER));
            out.sort(Comparator.comparing(CimParameter::name, ORDER));
            x.append("  <xs:element name=\"").append(m.name()).append("_INPUT\">\n    <xs:complexType>\n      <xs:sequence>\n");
            for (CimParameter p : in) {
                x.append("  ");
                element(x, p.name(), p.type(), p.array());
            }
            x.append("      </xs:sequence>\n      <xs:anyAttribute namespace=\"##any\" processContents=\"lax\"/>\n")
                    .append("    </xs:complexType>\n  </xs:element>\n");
            x.append("  <xs:element name=\"").append(m.name()).append("_OUTPUT\">\n    <xs:complexType>\n      <xs:sequence>\n");
            List<String> names = new ArrayList<>();
            out.forEach(p -> names.add(p.name()));
            names.add("ReturnValue");
            names.sort(ORDER);
            for (String name : names) {
                x.append("  ");
                if (name.equals("ReturnValue")) {
                    x.append("      <xs:element name=\"ReturnValue\" type=\"").append(cimType(m.returnType())).append("\"/>\n");
                } else {
                    CimParameter p = out.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
                    element(x, p.name(), p.type(), p.array());
                }
            }
            x.append("      </xs:sequence>\n      <xs:anyAttribute namespace=\"##any\" processContents=\"lax\"/>\n")
                    .append("    </xs:complexType>\n  </xs:element>\n");
        }
        return x.append("</xs:schema>\n").toString();
    }

    private static void element(StringBuilder x, String name, CimType type, boolean array) {
        x.append("      <xs:element name=\"").append(name).append("\" type=\"").append(cimType(type))
                .append("\" nillable=\"true\" minOccurs=\"0\"").append(array ? " maxOccurs=\"unbounded\"" : "")
                .append("/>\n");
    }

    /** The DSP0230 type of a CIM type. */
    static String cimType(CimType type) {
        return "cim:" + switch (type) {
            case BOOLEAN -> "cimBoolean";
            case UINT8 -> "cimUnsignedByte";
            case SINT8 -> "cimByte";
            case UINT16 -> "cimUnsignedShort";
            case SINT16 -> "cimShort";
            case UINT32 -> "cimUnsignedInt";
            case SINT32 -> "cimInt";
            case UINT64 -> "cimUnsignedLong";
            case SINT64 -> "cimLong";
            case REAL32 -> "cimFloat";
            case REAL64 -> "cimDouble";
            case CHAR16 -> "cimChar16";
            case STRING -> "cimString";
            case DATETIME -> "cimDateTime";
            case REFERENCE -> "cimReference";
        };
    }
}
