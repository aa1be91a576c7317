package hvemu.operations;

import static hvemu.testsupport.Envelopes.getWith;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.CimXmlClasses;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/**
 * Get of a class declaration as the MI client asks for it ({@code Get-CimClass -ClassName}): the
 * captured request (fixture mi-client-getclass-request.xml) with only {@code __cimnamespace} and
 * {@code ClassName} changed, answered with the class's CIM-XML {@code CLASS} element, and the faults of
 * bad addresses.
 */
class GetClassIT {
    private static final String CIM_XML = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";
    private static final String BODY = "/s:Envelope/s:Body/CLASS";
    private static final String SERVICE = "Msvm_ResourcePoolConfigurationService";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    /** The captured request, for one of our classes in our namespace; every other byte as captured. */
    private static String captured(String className) {
        String fixture = Fixtures.shared("mi-client-getclass-request.xml");
        assertThat(fixture).contains("root/cimv2", "CIM_VLANEndpoint");
        return fixture.replace("root/cimv2", "root/HyperVCluster/v2").replace("CIM_VLANEndpoint", className);
    }

    /** The request with a boolean option of the captured set given another value. */
    private static String withOption(String request, String option, String value) {
        String changed = request.replaceFirst("(<w:Option Name=\"" + option + "\" Type=\"xs:boolean\">)\\s*true\\s*(</w:Option>)",
                "$1" + Matcher.quoteReplacement(value) + "$2");
        assertThat(changed).isNotEqualTo(request);
        return changed;
    }

    private static String addOption(String request, String option, String value) {
        return request.replace("</w:OptionSet>", "<w:Option Name=\"" + option + "\" Type=\"xs:boolean\">" + value
                + "</w:Option></w:OptionSet>");
    }

    private static String ok(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
        Xml.at(reply.body()).valueByXPath("count(/s:Envelope/s:Body/*)").isEqualTo("1");
        List<Element> classes = CimXmlClasses.in(reply.body());
        assertThat(classes).hasSize(1);
        CimXmlClasses.assertValid(classes.get(0));
        return reply.body();
    }

    private static void assertFault(String request, String subcode, String detail, String code, String message) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo(subcode);
        if (fromMiClient(request)) {
            // The MI client is told in MSFT_WmiError alone (MiFaultsIT holds its codes).
            Xml.at(reply.body()).valueByXPath("local-name(//s:Detail/*)").isEqualTo("MSFT_WmiError");
            Xml.at(reply.body()).valueByXPath("//s:Detail/*/*[local-name()='Message']").contains(message);
            return;
        }
        Xml.at(reply.body()).valueByXPath("//w:FaultDetail")
                .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/" + detail);
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo(code);
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains(message);
    }

    /** Whether the request carries the MI client's options, which get faults in MSFT_WmiError form. */
    static boolean fromMiClient(String request) {
        return request.contains("__MI_") || request.contains("UsePreciseArrays");
    }

    @Test
    void answersTheCapturedRequestWithTheClassDeclaration() {
        String request = captured(SERVICE);
        String reply = ok(request);
        Matcher messageId = Pattern.compile("<a:MessageID>(.*?)</a:MessageID>", Pattern.DOTALL)
                .matcher(request);
        assertThat(messageId.find()).isTrue();
        // The capture has CRLF line ends, which an XML parser reads as LF (XML 1.0 §2.11).
        Xml.at(reply).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(messageId.group(1).replace("\r\n", "\n"));
        Xml.at(reply).valueByXPath(BODY + "/@NAME").isEqualTo(SERVICE);
        Xml.at(reply).valueByXPath(BODY + "/@SUPERCLASS").isEqualTo("CIM_ResourcePoolConfigurationService");
        Xml.at(reply).valueByXPath(BODY + "/@DERIVATION").isEqualTo("CIM_ResourcePoolConfigurationService,CIM_Service,"
                + "CIM_EnabledLogicalElement,CIM_LogicalElement,CIM_ManagedSystemElement,CIM_ManagedElement");
        Xml.at(reply).valueByXPath(BODY + "/QUALIFIER[@NAME='Description']/VALUE")
                .isEqualTo("Resource pool configuration service of the cluster.");
    }

    @Test
    void marksTheKeysAndWhereEachPropertyComesFrom() {
        String reply = ok(captured(SERVICE));
        for (String key : List.of("CreationClassName", "Name", "SystemCreationClassName", "SystemName")) {
            Xml.at(reply).valueByXPath(BODY + "/PROPERTY[@NAME='" + key + "']/QUALIFIER[@NAME='Key']/VALUE")
                    .isEqualTo("TRUE");
        }
        Xml.at(reply).nodesByXPath(BODY + "/PROPERTY[@NAME='ElementName']/QUALIFIER[@NAME='Key']").doNotExist();
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY[@NAME='ElementName']/QUALIFIER[@NAME='Write']/VALUE").isEqualTo("TRUE");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY[@NAME='ElementName']/@CLASSORIGIN").isEqualTo("CIM_ManagedElement");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY[@NAME='ElementName']/@PROPAGATED").isEqualTo("true");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY[@NAME='ElementName']/@TYPE").isEqualTo("string");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.ARRAY[@NAME='OperationalStatus']/@TYPE").isEqualTo("uint16");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.ARRAY[@NAME='OperationalStatus']/QUALIFIER[@NAME='ArrayType']/VALUE")
                .isEqualTo("Indexed");
        List<String> names = new ArrayList<>();
        for (Element p : children(CimXmlClasses.in(reply).get(0))) {
            if (p.getTagName().startsWith("PROPERTY")) {
                names.add(p.getAttribute("NAME"));
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertThat(names).isEqualTo(sorted).contains("InstanceID", "Started", "EnabledState");
    }

    @Test
    void describesMethodParametersWithTheirDirectionAndReferenceTypes() {
        String reply = ok(captured(SERVICE));
        String method = BODY + "/METHOD[@NAME='CreateResourcePool']";
        Xml.at(reply).valueByXPath(method + "/@TYPE").isEqualTo("uint32");
        Xml.at(reply).valueByXPath(method + "/@CLASSORIGIN").isEqualTo("CIM_ResourcePoolConfigurationService");
        Xml.at(reply).valueByXPath(method + "/PARAMETER.REFARRAY[@NAME='HostResources']/@REFERENCECLASS")
                .isEqualTo("CIM_LogicalDevice");
        Xml.at(reply).valueByXPath(method + "/PARAMETER.REFARRAY[@NAME='HostResources']/QUALIFIER[@NAME='IN']/VALUE")
                .isEqualTo("TRUE");
        Xml.at(reply).valueByXPath(method + "/PARAMETER[@NAME='ElementName']/@TYPE").isEqualTo("string");
        Xml.at(reply).valueByXPath(method + "/PARAMETER.REFERENCE[@NAME='Job']/@REFERENCECLASS").isEqualTo("CIM_ConcreteJob");
        Xml.at(reply).valueByXPath(method + "/PARAMETER.REFERENCE[@NAME='Job']/QUALIFIER[@NAME='IN']/VALUE").isEqualTo("FALSE");
        Xml.at(reply).valueByXPath(method + "/PARAMETER.REFERENCE[@NAME='Job']/QUALIFIER[@NAME='OUT']/VALUE").isEqualTo("TRUE");
        List<String> parameters = new ArrayList<>();
        Element createResourcePool = children(CimXmlClasses.in(reply).get(0)).stream()
                .filter(e -> e.getAttribute("NAME").equals("CreateResourcePool")).findFirst().orElseThrow();
        children(createResourcePool).stream().filter(e -> e.getTagName().startsWith("PARAMETER"))
                .forEach(e -> parameters.add(e.getAttribute("NAME")));
        assertThat(parameters).containsExactly("ElementName", "HostResources", "ResourceType", "Pool", "Job");
        Xml.at(reply).valueByXPath(BODY + "/METHOD[@NAME='CreateChildResourcePool']/PARAMETER.ARRAY[@NAME='Settings']"
                + "/QUALIFIER[@NAME='EmbeddedInstance']/VALUE").isEqualTo("CIM_ResourceAllocationSettingData");
    }

    @Test
    void describesReferencePropertiesOfAnAssociation() {
        String reply = ok(captured("Msvm_HostedService"));
        Xml.at(reply).valueByXPath(BODY + "/QUALIFIER[@NAME='Association']/VALUE").isEqualTo("TRUE");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.REFERENCE[@NAME='Antecedent']/@REFERENCECLASS").isEqualTo("CIM_System");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.REFERENCE[@NAME='Dependent']/@REFERENCECLASS").isEqualTo("CIM_Service");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.REFERENCE[@NAME='Antecedent']/QUALIFIER[@NAME='Key']/@PROPAGATED")
                .isEqualTo("true");
        Xml.at(reply).valueByXPath(BODY + "/PROPERTY.REFERENCE[@NAME='Antecedent']/@CLASSORIGIN").isEqualTo("CIM_Dependency");
    }

    @Test
    void leavesQualifiersOutUnlessAsked() {
        String reply = ok(withOption(captured(SERVICE), "IncludeQualifiers", "false"));
        Xml.at(reply).nodesByXPath("//QUALIFIER").doNotExist();
        Xml.at(reply).nodesByXPath(BODY + "/METHOD[@NAME='CreateResourcePool']/PARAMETER.REFARRAY[@NAME='HostResources']")
                .exist();
        Xml.at(reply).nodesByXPath(BODY + "/PROPERTY[@NAME='Name']").exist();
    }

    @Test
    void leavesInheritedElementsOutWhenAsked() {
        String reply = ok(withOption(captured("Msvm_ConcreteJob"), "IncludeInheritedElements", "false"));
        Xml.at(reply).nodesByXPath(BODY + "/PROPERTY[@NAME='Cancellable'] | " + BODY + "/PROPERTY[@NAME='JobType']").exist();
        Xml.at(reply).nodesByXPath(BODY + "/PROPERTY[@NAME='InstanceID'] | " + BODY + "/PROPERTY[@NAME='Caption']")
                .doNotExist();
        Xml.at(reply).nodesByXPath(BODY + "/METHOD[@NAME='GetError']").exist();
        Xml.at(reply).nodesByXPath(BODY + "/METHOD[@NAME='RequestStateChange'] | " + BODY + "/METHOD[@NAME='KillJob']")
                .doNotExist();
        String full = ok(captured("Msvm_ConcreteJob"));
        Xml.at(full).nodesByXPath(BODY + "/PROPERTY[@NAME='InstanceID'] | " + BODY + "/METHOD[@NAME='KillJob']").exist();
    }

    @Test
    void leavesClassOriginAndDerivationOutWhenAsked() {
        String reply = ok(addOption(withOption(captured(SERVICE), "IncludeInheritanceHierarchy", "false"),
                "IncludeClassOrigin", "false"));
        Xml.at(reply).nodesByXPath("//@CLASSORIGIN | //PROPERTY/@PROPAGATED | //@DERIVATION").doNotExist();
        Xml.at(reply).valueByXPath(BODY + "/@SUPERCLASS").isEqualTo("CIM_ResourcePoolConfigurationService");
    }

    @Test
    void takesTheNamespaceInAnyCaseWithEitherSlash() {
        String reply = ok(captured(SERVICE).replace("root/HyperVCluster/v2", "ROOT\\hypervcluster\\V2")
                .replace(SERVICE, SERVICE.toLowerCase()));
        Xml.at(reply).valueByXPath(BODY + "/@NAME").isEqualTo(SERVICE);
    }

    @Test
    void answersAnUnknownClassWithDestinationUnreachable() {
        assertFault(captured("Msvm_NoSuchClass"), "a:DestinationUnreachable", "InvalidResourceURI", "2150858752",
                "class Msvm_NoSuchClass does not exist");
        ok(captured(SERVICE));
    }

    @Test
    void answersAnUnknownNamespaceAsForDmtfUris() {
        assertFault(Fixtures.shared("mi-client-getclass-request.xml"), "a:DestinationUnreachable", "InvalidResourceURI",
                "2150858752", "namespace root/cimv2 does not exist");
        assertFault(getWith(CIM_XML, "<w:Selector Name=\"ClassName\">" + SERVICE + "</w:Selector>"),
                "a:DestinationUnreachable", "InvalidResourceURI", "2150858752", "namespace root/hardware does not exist");
    }

    @Test
    void answersBadSelectorsWithInvalidSelectors() {
        String ns = "<w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>";
        assertFault(getWith(CIM_XML, ns), "w:InvalidSelectors", "InsufficientSelectors", "2150858842",
                "selector ClassName is missing");
        assertFault(getWith(CIM_XML, ns + "<w:Selector Name=\"ClassName\"></w:Selector>"), "w:InvalidSelectors",
                "InsufficientSelectors", "2150858842", "selector ClassName is missing");
        assertFault(getWith(CIM_XML, ns + "<w:Selector Name=\"ClassName\">" + SERVICE + "</w:Selector>"
                + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"), "w:InvalidSelectors", "UnexpectedSelectors",
                "2150858843", "selector Name is not one of __cimnamespace and ClassName");
        assertFault(getWith(CIM_XML, ns + "<w:Selector Name=\"ClassName\">" + SERVICE + "</w:Selector>"
                + "<w:Selector Name=\"classname\">Msvm_ConcreteJob</w:Selector>"), "w:InvalidSelectors",
                "DuplicateSelectors", "2150858847", "appears more than once");
    }

    @Test
    void answersAnOptionThatIsNotABooleanWithInvalidOptions() {
        String request = withOption(captured(SERVICE), "IncludeQualifiers", "sometimes");
        assertFault(request, "w:InvalidOptions", "InvalidValue", "2150858809", "IncludeQualifiers is xs:boolean");
        HttpExchange reply = emulator.client().post(request);
        Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Value").isEqualTo("s:Sender");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
        ok(captured(SERVICE));
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
