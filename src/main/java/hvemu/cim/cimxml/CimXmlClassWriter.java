package hvemu.cim.cimxml;

import hvemu.cim.CimClass;
import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ClassDeclaration;
import hvemu.cim.Qualifiers;
import hvemu.cim.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a class declaration as a CIM-XML {@code CLASS} element (DSP0201), in no XML namespace,
 * as Windows answers a WS-Man Get of {@code http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*}:
 *
 * <pre>{@code
 * <CLASS NAME="Msvm_ConcreteJob" SUPERCLASS="CIM_ConcreteJob" DERIVATION="CIM_ConcreteJob,CIM_Job,…">
 *   <QUALIFIER NAME="Description" TYPE="string" TRANSLATABLE="true"><VALUE>…</VALUE></QUALIFIER>
 *   <PROPERTY NAME="Caption" CLASSORIGIN="CIM_ManagedElement" PROPAGATED="true" TYPE="string">…</PROPERTY>
 *   <PROPERTY.ARRAY NAME="OperationalStatus" …/>
 *   <METHOD NAME="GetError" TYPE="uint32" CLASSORIGIN="CIM_ConcreteJob">
 *     <PARAMETER NAME="Error" TYPE="string">…</PARAMETER>
 *   </METHOD>
 * </CLASS>
 * }</pre>
 *
 * <p>The element order is DSP0201's: qualifiers, properties, methods; within a method its qualifiers,
 * then its parameters. The shape follows real Windows replies (gosammwr docs/cimsession_flow/03_Res_schema.xml,
 * pysammwr docs/xmldata/Win32_Process_Schema_Qualifiers.xml): properties sorted by name, case-insensitive;
 * methods and parameters in declaration order; {@code CLASSORIGIN} on properties and methods,
 * {@code PROPAGATED="true"} on a property (and a qualifier) a superclass declared, none on methods; and
 * {@code DERIVATION}, a Windows attribute DSP0201 lacks, listing the superclasses nearest first.
 * Thread-safe.
 */
public final class CimXmlClassWriter {
    /**
     * What a declaration includes, as a client asks with the WS-Man options of the same names.
     *
     * @param qualifiers whether qualifiers are written ({@code IncludeQualifiers})
     * @param inheritedElements whether properties, methods and qualifiers that come from superclasses are
     *     written, or only those the class's own declaration states ({@code IncludeInheritedElements})
     * @param classOrigin whether {@code CLASSORIGIN} and {@code PROPAGATED} are written ({@code IncludeClassOrigin})
     * @param inheritanceHierarchy whether {@code DERIVATION} is written ({@code IncludeInheritanceHierarchy})
     */
    public record Options(boolean qualifiers, boolean inheritedElements, boolean classOrigin,
            boolean inheritanceHierarchy) {
    }

    private final Schema schema;

    public CimXmlClassWriter(Schema schema) {
        this.schema = schema;
    }

    /** Writes the declaration of a class of the schema. */
    public void write(XMLStreamWriter out, CimClass cls, Options options) throws XMLStreamException {
        ClassDeclaration own = cls.declaration();
        out.writeStartElement("CLASS");
        out.writeAttribute("NAME", cls.name());
        if (cls.superclass() != null) {
            out.writeAttribute("SUPERCLASS", cls.superclass());
            if (options.inheritanceHierarchy()) {
                out.writeAttribute("DERIVATION", String.join(",", superclasses(cls)));
            }
        }
        if (options.qualifiers()) {
            QualifierElements.write(out, cls.qualifiers(), own.qualifiers(), !options.inheritedElements());
        }
        List<CimProperty> properties = new ArrayList<>(cls.properties());
        properties.sort(Comparator.comparing(CimProperty::name, String.CASE_INSENSITIVE_ORDER));
        for (CimProperty p : properties) {
            Optional<Qualifiers> declared = own.property(p.name());
            if (options.inheritedElements() || declared.isPresent()) {
                property(out, cls, p, declared.orElse(Qualifiers.NONE), options);
            }
        }
        for (CimMethod m : cls.methods()) {
            Optional<Qualifiers> declared = own.method(m.name());
            if (options.inheritedElements() || declared.isPresent()) {
                method(out, m, declared.orElse(Qualifiers.NONE), options);
            }
        }
        out.writeEndElement();
    }

    /** The superclass chain, nearest first, as in {@code DERIVATION}. */
    private List<String> superclasses(CimClass cls) {
        List<String> chain = new ArrayList<>();
        for (String s = cls.superclass(); s != null; s = schema.find(s).map(CimClass::superclass).orElse(null)) {
            chain.add(schema.find(s).map(CimClass::name).orElse(s));
        }
        return chain;
    }

    private static void property(XMLStreamWriter out, CimClass cls, CimProperty p, Qualifiers declared,
            Options options) throws XMLStreamException {
        boolean reference = p.type() == CimType.REFERENCE;
        out.writeStartElement(reference ? "PROPERTY.REFERENCE" : p.array() ? "PROPERTY.ARRAY" : "PROPERTY");
        out.writeAttribute("NAME", p.name());
        if (reference) {
            out.writeAttribute("REFERENCECLASS", p.referenceClass());
        }
        if (options.classOrigin()) {
            out.writeAttribute("CLASSORIGIN", p.classOrigin());
            if (!p.classOrigin().equalsIgnoreCase(cls.name())) {
                out.writeAttribute("PROPAGATED", "true");
            }
        }
        if (!reference) {
            out.writeAttribute("TYPE", p.type().mofName());
        }
        if (options.qualifiers()) {
            QualifierElements.write(out, p.qualifiers(), declared, !options.inheritedElements());
        }
        if (!reference && p.defaultValue() != null) {
            defaultValue(out, p);
        }
        out.writeEndElement();
    }

    private static void defaultValue(XMLStreamWriter out, CimProperty p) throws XMLStreamException {
        if (p.defaultValue() instanceof List<?> items) {
            out.writeStartElement("VALUE.ARRAY");
            for (Object item : items) {
                value(out, p, item);
            }
            out.writeEndElement();
        } else {
            value(out, p, p.defaultValue());
        }
    }

    private static void value(XMLStreamWriter out, CimProperty p, Object v) throws XMLStreamException {
        String text = CimXmlWriter.valueText(p.type(), v);
        if (text == null) {
            throw new CimXmlException("The default of " + p.classOrigin() + "." + p.name() + " is not a "
                    + p.type().mofName() + ": " + v);
        }
        out.writeStartElement("VALUE");
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static void method(XMLStreamWriter out, CimMethod m, Qualifiers declared, Options options)
            throws XMLStreamException {
        out.writeStartElement("METHOD");
        out.writeAttribute("NAME", m.name());
        out.writeAttribute("TYPE", m.returnType().mofName());
        if (options.classOrigin()) {
            out.writeAttribute("CLASSORIGIN", m.classOrigin());
        }
        if (options.qualifiers()) {
            QualifierElements.write(out, m.qualifiers(), declared, !options.inheritedElements());
        }
        for (CimParameter p : m.parameters()) {
            parameter(out, p, options);
        }
        out.writeEndElement();
    }

    private static void parameter(XMLStreamWriter out, CimParameter p, Options options) throws XMLStreamException {
        boolean reference = p.type() == CimType.REFERENCE;
        out.writeStartElement(reference ? (p.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
                : p.array() ? "PARAMETER.ARRAY" : "PARAMETER");
        out.writeAttribute("NAME", p.name());
        if (reference) {
            out.writeAttribute("REFERENCECLASS", p.referenceClass());
        } else {
            out.writeAttribute("TYPE", p.type().mofName());
        }
        if (options.qualifiers()) {
            QualifierElements.write(out, p.qualifiers(), null, false);
        }
        out.writeEndElement();
    }
}
