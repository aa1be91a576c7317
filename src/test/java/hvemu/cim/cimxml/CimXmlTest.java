package hvemu.cim.cimxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CIM-XML text of instances, both ways, typed by the schema of mof/. */
class CimXmlTest {
    private static Schema schema;

    @BeforeAll
    static void load() {
        schema = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA), MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY))
                .schema();
    }

    private static CimInstance error(Map<String, Object> values) {
        return CimInstance.of("Msvm_Error", values);
    }

    @Test
    void writesEveryPropertyOfTheClassWithNullsEmpty() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Message", "The job failed.");
        v.put("PerceivedSeverity", 5L);
        v.put("MessageArguments", List.of("6", "seven"));
        String text = CimXml.write(schema, error(v));
        assertThat(text).startsWith("<INSTANCE CLASSNAME=\"Msvm_Error\">").endsWith("</INSTANCE>")
                .contains("<PROPERTY NAME=\"Message\" TYPE=\"string\"><VALUE>The job failed.</VALUE></PROPERTY>")
                .contains("<PROPERTY NAME=\"PerceivedSeverity\" TYPE=\"uint16\"><VALUE>5</VALUE></PROPERTY>")
                .contains("<PROPERTY.ARRAY NAME=\"MessageArguments\" TYPE=\"string\"><VALUE.ARRAY><VALUE>6</VALUE>"
                        + "<VALUE>seven</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>")
                .contains("<PROPERTY NAME=\"MessageID\" TYPE=\"string\"/>")
                .contains("<PROPERTY.ARRAY NAME=\"RecommendedActions\" TYPE=\"string\"/>")
                .contains("<PROPERTY NAME=\"CIMStatusCode\" TYPE=\"uint32\"/>");
        assertThat(text.indexOf("NAME=\"ErrorType\"")).as("declaration order").isLessThan(text.indexOf("NAME=\"OwningEntity\""));
    }

    @Test
    void roundTripsScalarsArraysBooleansAndDatetimes() {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("InstanceID", "C9854C10-5CAF-4FC4-A092-16E0E8E4AED2");
        job.put("JobState", 4L);
        job.put("Cancellable", Boolean.TRUE);
        job.put("DeleteOnCompletion", Boolean.FALSE);
        job.put("OperationalStatus", List.of(2L, 17L));
        job.put("StatusDescriptions", List.of());
        job.put("TimeSubmitted", CimDateTime.of(Instant.parse("2026-11-24T12:00:00.123456Z")));
        job.put("ElapsedTime", CimDateTime.interval(Duration.ofSeconds(90061, 500_000_000)));
        CimInstance original = CimInstance.of("Msvm_ConcreteJob", job);
        String text = CimXml.write(schema, original);
        assertThat(text).contains("<VALUE>TRUE</VALUE>", "<VALUE>FALSE</VALUE>", "<VALUE>20261124120000.123456+000</VALUE>",
                "<VALUE>00000001010101.500000:000</VALUE>", "<VALUE.ARRAY></VALUE.ARRAY>");
        CimInstance back = CimXml.read(schema, text);
        assertThat(back.className()).isEqualTo("Msvm_ConcreteJob");
        assertThat(back.values()).isEqualTo(original.values());
    }

    @Test
    void escapesWhatXmlReservesAndKeepsLineBreaks() {
        String awkward = "a<b & c>d \"quoted\" 'single' ]]> tab\there\r\nnext line";
        String text = CimXml.write(schema, error(Map.of("Message", awkward)));
        assertThat(text).contains("<VALUE>a&lt;b &amp; c&gt;d \"quoted\" 'single' ]]&gt; tab\there&#13;\nnext line</VALUE>");
        assertThat(CimXml.read(schema, text).get("Message")).isEqualTo(awkward);
        assertThat(CimXml.read(schema, CimXml.write(schema, error(Map.of("Message", "emoji \uD83D\uDE00 ok")))).get("Message"))
                .isEqualTo("emoji \uD83D\uDE00 ok");
    }

    @Test
    void readsTheSettingsLibvirtSends() {
        String text = "<?xml version=\"1.0\"?>\n<INSTANCE CLASSNAME=\"Msvm_ResourceAllocationSettingData\">"
                + "<PROPERTY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE>4</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>Child pool</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"ResourceType\" TYPE=\"uint16\"><VALUE> 4 </VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"Limit\" TYPE=\"uint64\"></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"HostResource\" TYPE=\"string\"><VALUE.ARRAY>"
                + "<VALUE>root/HyperVCluster/v2:Msvm_ResourcePool.InstanceID=\"Microsoft:1\"</VALUE>"
                + "<VALUE><![CDATA[<two & more>]]></VALUE></VALUE.ARRAY></PROPERTY.ARRAY></INSTANCE>";
        CimInstance rasd = CimXml.read(schema, text);
        assertThat(rasd.className()).isEqualTo("Msvm_ResourceAllocationSettingData");
        assertThat(rasd.get("Reservation")).isEqualTo(4L);
        assertThat(rasd.get("ResourceType")).isEqualTo(4L);
        assertThat(rasd.get("elementname")).isEqualTo("Child pool");
        assertThat(rasd.get("Limit")).as("no VALUE is NULL").isNull();
        assertThat(rasd.values()).doesNotContainKey("limit");
        assertThat(rasd.get("HostResource")).isEqualTo(List.of(
                "root/HyperVCluster/v2:Msvm_ResourcePool.InstanceID=\"Microsoft:1\"", "<two & more>"));
    }

    @Test
    void ignoresQualifiersAndTheAttributesItDoesNotNeed() {
        String text = "<INSTANCE CLASSNAME=\"msvm_error\" xml:lang=\"en-US\"><QUALIFIER NAME=\"Description\" TYPE=\"string\">"
                + "<VALUE>x</VALUE></QUALIFIER><PROPERTY NAME=\"message\" TYPE=\"string\" PROPAGATED=\"true\""
                + " CLASSORIGIN=\"CIM_Error\"><QUALIFIER NAME=\"CIMTYPE\" TYPE=\"string\"><VALUE>string</VALUE></QUALIFIER>"
                + "<VALUE>hello</VALUE></PROPERTY><PROPERTY NAME=\"CIMStatusCode\" TYPE=\"uint16\"><VALUE>0x1</VALUE>"
                + "</PROPERTY></INSTANCE>";
        CimInstance e = CimXml.read(schema, text);
        assertThat(e.className()).as("the schema's spelling").isEqualTo("Msvm_Error");
        assertThat(e.get("Message")).isEqualTo("hello");
        assertThat(e.get("CIMStatusCode")).as("hexadecimal; integer widths may differ").isEqualTo(1L);
    }

    @Test
    void refusesTextThatIsNotAnInstanceOfTheSchema() {
        assertRefused("", "is empty");
        assertRefused("<INSTANCE CLASSNAME=\"Msvm_Error\">", "not well-formed");
        assertRefused("<CLASS NAME=\"Msvm_Error\"/>", "is a CLASS, not an INSTANCE");
        assertRefused("<INSTANCE/>", "has no CLASSNAME");
        assertRefused("<INSTANCE CLASSNAME=\"Win32_Process\"/>", "class Win32_Process, which is not in the schema");
        assertRefused(instance("<PROPERTY NAME=\"Colour\" TYPE=\"string\"><VALUE>blue</VALUE></PROPERTY>"),
                "The class Msvm_ResourceAllocationSettingData has no property Colour.");
        assertRefused(instance("<PROPERTY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE>four</VALUE></PROPERTY>"),
                "The property Reservation of Msvm_ResourceAllocationSettingData is uint64: 'four' is not a uint64");
        assertRefused(instance("<PROPERTY NAME=\"ResourceType\" TYPE=\"uint16\"><VALUE>70000</VALUE></PROPERTY>"),
                "70000 is out of range for uint16");
        assertRefused(instance("<PROPERTY NAME=\"AutomaticAllocation\" TYPE=\"boolean\"><VALUE>yes</VALUE></PROPERTY>"),
                "'yes' is not a boolean");
        assertRefused(instance("<PROPERTY NAME=\"Reservation\" TYPE=\"string\"><VALUE>4</VALUE></PROPERTY>"),
                "Reservation of Msvm_ResourceAllocationSettingData is uint64, not string");
        assertRefused(instance("<PROPERTY NAME=\"Reservation\" TYPE=\"integer\"><VALUE>4</VALUE></PROPERTY>"),
                "TYPE \"integer\", which is not a CIM type");
        assertRefused(instance("<PROPERTY NAME=\"HostResource\" TYPE=\"string\"><VALUE>x</VALUE></PROPERTY>"),
                "HostResource of Msvm_ResourceAllocationSettingData is string[] and is given as PROPERTY.ARRAY, not PROPERTY");
        assertRefused(instance("<PROPERTY.ARRAY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE.ARRAY><VALUE>4</VALUE>"
                + "</VALUE.ARRAY></PROPERTY.ARRAY>"), "is uint64 and is given as PROPERTY, not PROPERTY.ARRAY");
        assertRefused(instance("<PROPERTY.ARRAY NAME=\"HostResource\" TYPE=\"string\"><VALUE>x</VALUE></PROPERTY.ARRAY>"),
                "holds a VALUE where a VALUE.ARRAY belongs");
        assertRefused(instance("<PROPERTY.ARRAY NAME=\"HostResource\" TYPE=\"string\"><VALUE.ARRAY><VALUE.NULL/>"
                + "</VALUE.ARRAY></PROPERTY.ARRAY>"), "holds a NULL element");
        assertRefused(instance("<PROPERTY NAME=\"Limit\" TYPE=\"uint64\"><VALUE>1</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"limit\" TYPE=\"uint64\"><VALUE>2</VALUE></PROPERTY>"),
                "Limit of Msvm_ResourceAllocationSettingData is given twice");
        assertRefused(instance("<PROPERTY NAME=\"Limit\" TYPE=\"uint64\"><VALUE>1</VALUE><VALUE>2</VALUE></PROPERTY>"),
                "has more than one value");
        assertRefused(instance("<PROPERTY NAME=\"Parent\" TYPE=\"string\"><VALUE><b>x</b></VALUE></PROPERTY>"),
                "a VALUE that holds elements");
        assertRefused(instance("<METHOD NAME=\"X\"/>"), "holds a METHOD");
        assertRefused("<INSTANCE CLASSNAME=\"Msvm_AffectedJobElement\"><PROPERTY.REFERENCE NAME=\"AffectingElement\">"
                + "<VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"Msvm_ConcreteJob\"/></VALUE.REFERENCE>"
                + "</PROPERTY.REFERENCE></INSTANCE>", "is a reference");
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpandedOrFetched() {
        assertRefused("<!DOCTYPE INSTANCE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + instance("<PROPERTY NAME=\"Parent\" TYPE=\"string\"><VALUE>&x;</VALUE></PROPERTY>"), "DOCTYPE");
        assertRefused("<!DOCTYPE INSTANCE [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + instance("<PROPERTY NAME=\"Parent\" TYPE=\"string\"><VALUE>&b;</VALUE></PROPERTY>"), "DOCTYPE");
        assertRefused(instance("<PROPERTY NAME=\"Parent\" TYPE=\"string\"><VALUE>&undeclared;</VALUE></PROPERTY>"),
                "not well-formed");
    }

    @Test
    void refusesToWriteWhatCimXmlCannotCarry() {
        assertThatThrownBy(() -> CimXml.write(schema, CimInstance.of("Msvm_Nothing", Map.of())))
                .isInstanceOf(CimXmlException.class).hasMessageContaining("Msvm_Nothing is not in the schema");
        assertThatThrownBy(() -> CimXml.write(schema, error(Map.of("Colour", "blue"))))
                .isInstanceOf(CimXmlException.class).hasMessage("The class Msvm_Error has no property colour.");
        assertThatThrownBy(() -> CimXml.write(schema, error(Map.of("PerceivedSeverity", "5"))))
                .isInstanceOf(CimXmlException.class)
                .hasMessageContaining("PerceivedSeverity of Msvm_Error is uint16; the instance holds String 5");
        assertThatThrownBy(() -> CimXml.write(schema, error(Map.of("PerceivedSeverity", 70000L))))
                .isInstanceOf(CimXmlException.class).hasMessageContaining("70000 is out of range for uint16");
        assertThatThrownBy(() -> CimXml.write(schema, error(Map.of("MessageArguments", "one"))))
                .isInstanceOf(CimXmlException.class).hasMessageContaining("is string[]");
        assertThatThrownBy(() -> CimXml.write(schema, error(Map.of("Message", "bell \u0007"))))
                .isInstanceOf(CimXmlException.class).hasMessageContaining("U+0007");
        ObjectPath job = ObjectPath.of(schema.namespace(), "Msvm_ConcreteJob", Map.of("InstanceID", "1"));
        assertThatThrownBy(() -> CimXml.write(schema, CimInstance.of("Msvm_AffectedJobElement", Map.of("AffectingElement", job))))
                .isInstanceOf(CimXmlException.class).hasMessageContaining("is a reference");
        assertThat(CimXml.write(schema, CimInstance.of("Msvm_AffectedJobElement", Map.of())))
                .contains("<PROPERTY.REFERENCE NAME=\"AffectingElement\" REFERENCECLASS=\"CIM_Job\"/>");
    }

    private static String instance(String properties) {
        return "<INSTANCE CLASSNAME=\"Msvm_ResourceAllocationSettingData\">" + properties + "</INSTANCE>";
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> CimXml.read(schema, text)).as(text).isInstanceOf(CimXmlException.class)
                .hasMessageContaining(message);
    }
}
