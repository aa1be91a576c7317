package hvemu.cim.cimxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimClass;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import hvemu.testsupport.CimXmlClasses;
import hvemu.testsupport.Xml;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Class declarations of mof/ as CIM-XML {@code CLASS} elements (DSP0201), under every option. */
class CimXmlClassWriterTest {
    private static final CimXmlClassWriter.Options ALL = new CimXmlClassWriter.Options(true, true, true, true);
    private static Schema schema;

    @BeforeAll
    static void load() {
        schema = MofLoader.schema(MofSource.classpath(MofLoader.SCHEMA));
    }

    private static String write(String className, CimXmlClassWriter.Options options) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new CimXmlClassWriter(schema).write(out, schema.get(className), options);
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    static Stream<CimXmlClassWriter.Options> everyOption() {
        List<CimXmlClassWriter.Options> all = new ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            all.add(new CimXmlClassWriter.Options((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyOption")
    void everyClassIsValidAgainstTheDtd(CimXmlClassWriter.Options options) {
        for (CimClass cls : schema.classes()) {
            CimXmlClasses.assertValid(write(cls.name(), options));
        }
    }

    @Test
    void theDtdCheckRefusesWhatDsp0201Does() {
        assertThatThrownBy(() -> CimXmlClasses.assertValid("<CLASS NAME=\"X\"><METHOD NAME=\"M\" TYPE=\"uint32\"/>"
                + "<PROPERTY NAME=\"P\" TYPE=\"string\"/></CLASS>")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CimXmlClasses.assertValid("<CLASS NAME=\"X\"><PROPERTY NAME=\"P\" TYPE=\"text\"/>"
                + "</CLASS>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void namesTheSuperclassChainNearestFirstOnlyWhenAsked() {
        Xml.at(write("Msvm_ConcreteJob", ALL)).valueByXPath("/CLASS/@DERIVATION")
                .isEqualTo("CIM_ConcreteJob,CIM_Job,CIM_LogicalElement,CIM_ManagedSystemElement,CIM_ManagedElement");
        Xml.at(write("Msvm_ConcreteJob", new CimXmlClassWriter.Options(true, true, true, false)))
                .nodesByXPath("/CLASS/@DERIVATION").doNotExist();
        Xml.at(write("CIM_ManagedElement", ALL)).nodesByXPath("/CLASS/@SUPERCLASS | /CLASS/@DERIVATION").doNotExist();
    }

    @Test
    void marksWhatComesFromSuperclassesAsPropagated() {
        String job = write("Msvm_ConcreteJob", ALL);
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='Caption']/@CLASSORIGIN").isEqualTo("CIM_ManagedElement");
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='Caption']/@PROPAGATED").isEqualTo("true");
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='Cancellable']/@CLASSORIGIN").isEqualTo("Msvm_ConcreteJob");
        Xml.at(job).nodesByXPath("/CLASS/PROPERTY[@NAME='Cancellable']/@PROPAGATED").doNotExist();
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Key']/@PROPAGATED")
                .isEqualTo("true");
        Xml.at(job).nodesByXPath("/CLASS/PROPERTY[@NAME='Cancellable']/QUALIFIER/@PROPAGATED").doNotExist();
        // The method's origin is the class that first declared it, as for properties; Windows marks no
        // method PROPAGATED (gosammwr docs/cimsession_flow/03_Res_schema.xml).
        Xml.at(job).valueByXPath("/CLASS/METHOD[@NAME='GetError']/@CLASSORIGIN").isEqualTo("CIM_ConcreteJob");
        Xml.at(job).nodesByXPath("/CLASS/METHOD/@PROPAGATED").doNotExist();
    }

    @Test
    void dropsRestrictedQualifiersInSubclasses() {
        // CIM_ConcreteJob overrides InstanceID with Override("InstanceID"); Override is Restricted (DSP0004).
        Xml.at(write("CIM_ConcreteJob", ALL)).valueByXPath(
                "/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Override']/@TOSUBCLASS").isEqualTo("false");
        Xml.at(write("Msvm_ConcreteJob", ALL))
                .nodesByXPath("/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Override']").doNotExist();
        Xml.at(write("CIM_ConcreteJob", ALL)).nodesByXPath("/CLASS/QUALIFIER[@NAME='Abstract']").exist();
        Xml.at(write("Msvm_ConcreteJob", ALL)).nodesByXPath("/CLASS/QUALIFIER[@NAME='Abstract']").doNotExist();
    }

    @Test
    void writesOnlyWhatTheClassDeclaresWithoutInheritedElements() {
        String job = write("Msvm_ConcreteJob", new CimXmlClassWriter.Options(true, false, true, false));
        Xml.at(job).nodesByXPath("/CLASS/PROPERTY[@NAME='Caption'] | /CLASS/METHOD[@NAME='RequestStateChange']")
                .doNotExist();
        Xml.at(job).nodesByXPath("/CLASS/PROPERTY[@NAME='Cancellable']").exist();
        Xml.at(job).nodesByXPath("/CLASS/METHOD[@NAME='GetError']/QUALIFIER[@NAME='Override']").exist();
        Xml.at(job).nodesByXPath("//QUALIFIER[@PROPAGATED='true']").doNotExist();
    }

    @Test
    void writesDefaultsAsValues() {
        Xml.at(write("CIM_Error", ALL)).valueByXPath("/CLASS/PROPERTY[@NAME='ErrorSourceFormat']/VALUE").isEqualTo("0");
    }

    @Test
    void writesQualifierTypesAndFlavors() {
        String job = write("Msvm_ConcreteJob", ALL);
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Key']/@TYPE").isEqualTo("boolean");
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Key']/@OVERRIDABLE")
                .isEqualTo("false");
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='InstanceID']/QUALIFIER[@NAME='Key']/VALUE").isEqualTo("TRUE");
        Xml.at(job).valueByXPath("/CLASS/PROPERTY[@NAME='Caption']/QUALIFIER[@NAME='MaxLen']/@TYPE").isEqualTo("sint32");
        Xml.at(job).valueByXPath("/CLASS/QUALIFIER[@NAME='Description']/@TRANSLATABLE").isEqualTo("true");
        Xml.at(job).valueByXPath("count(/CLASS/PROPERTY[@NAME='JobType']/QUALIFIER[@NAME='ValueMap']/VALUE.ARRAY/VALUE)")
                .isEqualTo("7");
        assertThat(job).doesNotContain("xmlns");
    }
}
