package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/**
 * The DSP0227 association filter and the SelectorFilter (wire.md §3.3): the client's path from a job to
 * its pool, from the pool to its system and devices, and each association class of the default cluster
 * in both directions.
 */
class AssociationFilterIT {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static final String ALL = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/*";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.immediate()));

    static String associated(String uri, String object, String assoc, String role, String resultClass, String resultRole) {
        String filter = "<w:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\">"
                + "<b:AssociatedInstances xmlns:b=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\"><b:Object>" + object
                + "</b:Object>" + opt("AssociationClassName", assoc) + opt("Role", role) + opt("ResultClassName", resultClass)
                + opt("ResultRole", resultRole) + "</b:AssociatedInstances></w:Filter>";
        return enumerate(uri, filter);
    }

    static String enumerate(String uri, String filter) {
        return Envelopes.request(N + "/Enumerate", "", "<n:Enumerate xmlns:n=\"" + N + "\"><w:OptimizeEnumeration/>"
                + "<w:MaxElements>32000</w:MaxElements><w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode>"
                + filter + "</n:Enumerate>").replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "")
                .replace("<w:ResourceURI s:mustUnderstand=\"true\">" + Envelopes.JOB_URI + "</w:ResourceURI>",
                        "<w:ResourceURI s:mustUnderstand=\"true\">" + uri + "</w:ResourceURI>");
    }

    private static String opt(String name, String value) {
        return value == null ? "" : "<b:" + name + ">" + value + "</b:" + name + ">";
    }

    private static List<String> classes(HttpExchange reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        new JAXPXPathEngine().selectNodes("//*[local-name()='Items']/*[local-name()='Item']/*[1]",
                Input.fromString(reply.body()).build()).forEach(n -> out.add(n.getLocalName()));
        return out;
    }

    static String system(String name) {
        return "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + Envelopes.wmi("Msvm_ComputerSystem") + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">" + name + "</w:Selector></w:SelectorSet></a:ReferenceParameters>";
    }

    static final String SERVICE = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
            + Envelopes.wmi("CIM_ResourcePoolConfigurationService") + "</w:ResourceURI><w:SelectorSet>"
            + "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
            + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector><w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem"
            + "</w:Selector><w:Selector Name=\"SystemName\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";
    static final String RPCC = Envelopes.eprOf("Msvm_ResourcePoolConfigurationCapabilities",
            "Microsoft:HVCLU01\\0CB7725C-9528-4CE7-8992-78E051454C0E");
    static final String NODE1_MEMORY_POOL = Envelopes.eprOf("CIM_ResourcePool", "Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E");

    @Test
    void findsThePoolFromItsJobAndThePoolsSystemAndDevices() {
        HttpExchange created = emulator.client().post(Pools.create("Found", "17", Pools.disk(1, 3), Pools.disk(2, 3)));
        assertThat(Pools.returnValue(created)).isEqualTo(4096);
        String job = Envelopes.eprOf("Msvm_ConcreteJob", Pools.selector(created, "Job", "InstanceID"));
        HttpExchange pool = emulator.client().post(associated(ALL, job, "Msvm_AffectedJobElement", "AffectingElement",
                "Msvm_ResourcePool", "AffectedElement"));
        assertThat(classes(pool)).containsExactly("Msvm_ResourcePool");
        Xml.at(pool.body()).valueByXPath("//*[local-name()='ElementName']").isEqualTo("Found");
        String poolEpr = Envelopes.eprOf("Msvm_ResourcePool", Pools.selector(created, "Pool", "InstanceID"));
        HttpExchange system = emulator.client().post(associated(ALL, poolEpr, "CIM_HostedResourcePool", null, null, null));
        assertThat(classes(system)).containsExactly("Msvm_ComputerSystem");
        Xml.at(system.body()).valueByXPath("//*[local-name()='Name']").as("hosted by the service's system").isEqualTo("HVCLU01");
        HttpExchange devices = emulator.client().post(associated(ALL, poolEpr, "CIM_ConcreteComponent", "GroupComponent",
                "CIM_LogicalDevice", "PartComponent"));
        assertThat(classes(devices)).containsExactly("Msvm_DiskDrive", "Msvm_DiskDrive");
        HttpExchange owner = emulator.client().post(associated(ALL, job, "CIM_OwningJobElement", null, null, null));
        assertThat(classes(owner)).containsExactly("Msvm_ResourcePoolConfigurationService");
    }

    static Stream<Arguments> associationClasses() {
        return Stream.of(
                Arguments.of("Msvm_HostedService", system("HVCLU01"), "Antecedent", "Msvm_ResourcePoolConfigurationService", 1),
                Arguments.of("Msvm_HostedService", SERVICE, "Dependent", "Msvm_ComputerSystem", 1),
                Arguments.of("Msvm_HostedResourcePool", system("HV-NODE1"), "GroupComponent", null, 8),
                Arguments.of("Msvm_HostedResourcePool", NODE1_MEMORY_POOL, "PartComponent", "Msvm_ComputerSystem", 1),
                Arguments.of("Msvm_SystemDevice", system("HV-NODE2"), "GroupComponent", null, 25),
                Arguments.of("Msvm_SystemDevice", Pools.memory(2, 1), "PartComponent", "Msvm_ComputerSystem", 1),
                Arguments.of("Msvm_ComponentCS", system("HVCLU01"), "GroupComponent", "Msvm_ComputerSystem", 2),
                Arguments.of("Msvm_ComponentCS", system("HV-NODE2"), "PartComponent", "Msvm_ComputerSystem", 1),
                Arguments.of("Msvm_ConcreteComponent", NODE1_MEMORY_POOL, "GroupComponent", "Msvm_Memory", 2),
                Arguments.of("Msvm_ConcreteComponent", Pools.processor(1, 9), "PartComponent", "Msvm_ProcessorPool", 1),
                Arguments.of("Msvm_ElementCapabilities", SERVICE, "ManagedElement", "Msvm_ResourcePoolConfigurationCapabilities", 1),
                Arguments.of("Msvm_ElementCapabilities", RPCC, "Capabilities", "Msvm_ResourcePoolConfigurationService", 1),
                // At least the 16 primordial pools: other tests of this class create pools.
                Arguments.of("Msvm_ServiceAffectsElement", SERVICE, "AffectingElement", null, -16),
                Arguments.of("Msvm_ServiceAffectsElement", NODE1_MEMORY_POOL, "AffectedElement",
                        "Msvm_ResourcePoolConfigurationService", 1));
    }

    @ParameterizedTest(name = "{0} from its {2}")
    @MethodSource("associationClasses")
    void walksEachAssociationClassBothWays(String assoc, String object, String role, String resultClass, int count) {
        List<String> found = classes(emulator.client().post(associated(ALL, object, assoc, role, resultClass, null)));
        if (count < 0) {
            assertThat(found).hasSizeGreaterThanOrEqualTo(-count);
        } else {
            assertThat(found).hasSize(count);
        }
        if (resultClass != null) {
            assertThat(found).allMatch(c -> c.equals(resultClass));
        }
    }

    @Test
    void returnsTheAssociationInstancesThemselves() {
        String filter = "<w:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\">"
                + "<b:AssociationInstances xmlns:b=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\"><b:Object>"
                + NODE1_MEMORY_POOL + "</b:Object><b:ResultClassName>CIM_ConcreteComponent</b:ResultClassName>"
                + "<b:Role>GroupComponent</b:Role></b:AssociationInstances></w:Filter>";
        HttpExchange reply = emulator.client().post(enumerate(ALL, filter));
        assertThat(classes(reply)).containsExactly("Msvm_ConcreteComponent", "Msvm_ConcreteComponent");
    }

    @Test
    void includesOnlyTheResultPropertiesAsked() {
        String request = associated(ALL, system("HV-NODE1"), "Msvm_HostedResourcePool", "GroupComponent", null, null)
                .replace("</b:AssociatedInstances>", "<b:IncludeResultProperty>InstanceID</b:IncludeResultProperty>"
                        + "<b:IncludeResultProperty>resourcetype</b:IncludeResultProperty>"
                        + "<b:IncludeResultProperty>NoSuchProperty</b:IncludeResultProperty></b:AssociatedInstances>");
        HttpExchange reply = emulator.client().post(request);
        assertThat(classes(reply)).hasSize(8);
        List<String> names = new ArrayList<>();
        new JAXPXPathEngine().selectNodes("//*[local-name()='Item']/*[1]/*", Input.fromString(reply.body()).build())
                .forEach(n -> names.add(n.getLocalName()));
        assertThat(names).hasSize(16).containsOnly("InstanceID", "ResourceType");
        String epr = "//*[local-name()='Item']/*[local-name()='EndpointReference']";
        assertThat(new JAXPXPathEngine().selectNodes(epr, Input.fromString(reply.body()).build())).hasSize(8);
    }

    @Test
    void servesTheDmtfWildcardWithCimNamespace() {
        String request = associated(ResourceUriAll.DMTF, system("HVCLU01"), "CIM_ComponentCS", null, null, null)
                .replace("</s:Header>", "<w:SelectorSet><w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>"
                        + "</w:SelectorSet></s:Header>");
        HttpExchange reply = emulator.client().post(request);
        assertThat(classes(reply)).containsExactly("Msvm_ComputerSystem", "Msvm_ComputerSystem");
        assertThat(reply.body()).contains("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Msvm_ComputerSystem");
    }

    /** The DMTF all-classes URI. */
    static final class ResourceUriAll {
        static final String DMTF = "http://schemas.dmtf.org/wbem/wscim/1/*";
    }

    @Test
    void filtersByPropertyValuesWithTheSelectorFilter() {
        String filter = "<w:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter\"><w:SelectorSet>"
                + "<w:Selector Name=\"SystemName\">hv-node2</w:Selector><w:Selector Name=\"Volatile\">true</w:Selector>"
                + "</w:SelectorSet></w:Filter>";
        assertThat(classes(emulator.client().post(enumerate(Envelopes.wmi("CIM_Memory"), filter))))
                .containsExactly("Msvm_Memory", "Msvm_Memory");
        String array = filter.replace("Volatile", "OperationalStatus").replace(">true<", ">2<");
        HttpExchange refused = emulator.client().post(enumerate(Envelopes.wmi("CIM_Memory"), array));
        Xml.at(refused.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
        HttpExchange wildcard = emulator.client().post(enumerate(ALL, filter));
        Xml.at(wildcard.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
    }

    @Test
    void refusesUnknownDialectsAndEmptyAssociationFilters() {
        HttpExchange xpath = emulator.client().post(enumerate(Envelopes.wmi("Msvm_Memory"),
                "<w:Filter Dialect=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">/x</w:Filter>"));
        Xml.at(xpath.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:FilterDialectRequestedUnavailable");
        Xml.at(xpath.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo("2150858777");
        HttpExchange empty = emulator.client().post(enumerate(ALL,
                "<w:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\"/>"));
        Xml.at(empty.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
        HttpExchange noObject = emulator.client().post(associated(ALL, Envelopes.eprOf("Msvm_Nothing", "x"), null, null, null, null));
        Xml.at(noObject.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
    }
}
