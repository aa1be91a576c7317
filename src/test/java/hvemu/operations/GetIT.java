package hvemu.operations;

import static hvemu.testsupport.Envelopes.dmtf;
import static hvemu.testsupport.Envelopes.get;
import static hvemu.testsupport.Envelopes.wmi;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/** Get of the default cluster's instances in both URI styles, and the faults of bad addresses (wire.md §3.2, §4). */
class GetIT {
    private static final String SERVICE_KEYS_CLUSTER = "HVCLU01";
    private static final String[] SERVICE = {"CreationClassName", "Msvm_ResourcePoolConfigurationService",
        "Name", "poolcfgsvc", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", SERVICE_KEYS_CLUSTER};

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static HttpExchange ok(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
        return reply;
    }

    private static void assertFault(String request, String subcode, String detail, String code, String message) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo(subcode);
        if (detail != null) {
            Xml.at(reply.body()).valueByXPath("//w:FaultDetail")
                    .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/" + detail);
        }
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo(code);
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains(message);
    }

    @Test
    void getsTheServiceByItsBaseClassInWmiStyle() {
        HttpExchange reply = ok(get(wmi("CIM_ResourcePoolConfigurationService"), SERVICE));
        String ns = wmi("Msvm_ResourcePoolConfigurationService");
        Xml.at(reply.body()).withNamespaceContext(java.util.Map.of("p", ns, "s", "http://www.w3.org/2003/05/soap-envelope",
                "xsi", "http://www.w3.org/2001/XMLSchema-instance"))
                .valueByXPath("/s:Envelope/s:Body/p:Msvm_ResourcePoolConfigurationService/p:SystemName")
                .isEqualTo(SERVICE_KEYS_CLUSTER);
        assertThat(reply.body()).contains("xsi:type=\"p:Msvm_ResourcePoolConfigurationService_Type\"");
    }

    @Test
    void getsTheServiceInDmtfStyle() {
        String[] selectors = new String[SERVICE.length + 2];
        selectors[0] = "__cimnamespace";
        selectors[1] = "root/HyperVCluster/v2";
        System.arraycopy(SERVICE, 0, selectors, 2, SERVICE.length);
        HttpExchange reply = ok(get(dmtf("CIM_ResourcePoolConfigurationService"), selectors));
        Xml.at(reply.body()).withNamespaceContext(java.util.Map.of("p", dmtf("Msvm_ResourcePoolConfigurationService"),
                "s", "http://www.w3.org/2003/05/soap-envelope"))
                .valueByXPath("/s:Envelope/s:Body/p:Msvm_ResourcePoolConfigurationService/p:Name").isEqualTo("poolcfgsvc");
    }

    @Test
    void writesPropertiesAlphabeticallyWithNilsAndRepeatedArrays() {
        HttpExchange reply = ok(get(wmi("CIM_ResourcePool"), "InstanceID",
                "microsoft:hv-node1\\b637f347-6a0e-4dec-af52-bd70cb80a21d"));
        List<String> names = new ArrayList<>();
        new JAXPXPathEngine().selectNodes("/*[local-name()='Envelope']/*[local-name()='Body']/*/*",
                Input.fromString(reply.body()).build()).forEach(n -> names.add(n.getLocalName()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertThat(names).isEqualTo(sorted).contains("Capacity", "Primordial", "ResourceType", "Caption");
        assertThat(reply.body()).contains("<p:Msvm_ProcessorPool ", "<p:Primordial>true</p:Primordial>",
                "<p:ResourceType>3</p:ResourceType>", "<p:OperationalStatus>2</p:OperationalStatus>",
                "<p:InstallDate xsi:nil=\"true\"/>");
    }

    @Test
    void marksNullArraysForClientsThatAskForPreciseArrays() {
        String request = get(wmi("Msvm_ResourcePoolConfigurationService"), SERVICE).replace("</s:Header>",
                "<w:OptionSet><w:Option Name=\"msftwinrm:UsePreciseArrays\" Type=\"xs:boolean\">true</w:Option>"
                        + "</w:OptionSet></s:Header>");
        HttpExchange reply = ok(request);
        Xml.at(reply.body()).valueByXPath("//*[local-name()='StatusDescriptions']/@*[local-name()='nil']").isEqualTo("true");
        Xml.at(reply.body()).valueByXPath("//*[local-name()='StatusDescriptions']/@p:IsNullArray").isEqualTo("true");
        Xml.at(emulator.client().post(get(wmi("Msvm_ResourcePoolConfigurationService"), SERVICE)).body())
                .nodesByXPath("//@p:IsNullArray").doNotExist();
    }

    @Test
    void answersAMissingInstanceWithDestinationUnreachable() {
        assertFault(get(wmi("Msvm_ConcreteJob"), "InstanceID", "9D1C4A3E-0B52-4A8F-9C31-6F3A2B7C1E55"),
                "a:DestinationUnreachable", "InvalidResourceURI", "2150858752", "No instance Msvm_ConcreteJob");
    }

    @Test
    void answersAnUnknownClassOrNamespaceWithDestinationUnreachable() {
        assertFault(get(wmi("Msvm_NoSuchClass"), "InstanceID", "x"), "a:DestinationUnreachable", "InvalidResourceURI",
                "2150858752", "class Msvm_NoSuchClass does not exist");
        assertFault(get("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/Msvm_ConcreteJob",
                "InstanceID", "x"), "a:DestinationUnreachable", "InvalidResourceURI", "2150858752",
                "namespace root/virtualization/v2 does not exist");
        assertFault(get(dmtf("Msvm_ConcreteJob"), "InstanceID", "x"), "a:DestinationUnreachable", null, "2150858752",
                "namespace root/hardware does not exist");
    }

    @Test
    void answersBadSelectorsWithInvalidSelectors() {
        assertFault(get(wmi("CIM_ResourcePool"), "InstanceID", "a", "Colour", "blue"), "w:InvalidSelectors",
                "UnexpectedSelectors", "2150858843", "Colour is not a key of CIM_ResourcePool");
        assertFault(get(wmi("Msvm_Processor"), "DeviceID", "x", "SystemName", "HV-NODE1"), "w:InvalidSelectors",
                "InsufficientSelectors", "2150858842", "selector SystemCreationClassName is missing");
        assertFault(get(wmi("CIM_ResourcePool"), "InstanceID", "a", "instanceid", "b"), "w:InvalidSelectors",
                "DuplicateSelectors", "2150858847", "appears more than once");
        assertFault(get(wmi("CIM_ResourcePool")), "w:InvalidSelectors", "InsufficientSelectors", "2150858842",
                "InstanceID is missing");
    }

    @Test
    void refusesAWmiUriWhoseCimNamespaceDisagrees() {
        assertFault(get(wmi("CIM_ResourcePool"), "__cimnamespace", "root/cimv2", "InstanceID", "a"),
                "w:InternalError", null, "2147500037", "does not match the namespace");
    }
}
