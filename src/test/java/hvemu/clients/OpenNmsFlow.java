package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.opennms.core.wsman.Identity;
import org.opennms.core.wsman.WSManClient;
import org.opennms.core.wsman.WSManConstants;
import org.opennms.core.wsman.exceptions.InvalidResourceURI;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Drives the OpenNMS WS-Man client through every operation its {@link WSManClient} API offers against the
 * default cluster, asserting on what the client returns, and reports one line per operation.
 *
 * <p>What the flow compares against (the instances of a class, the primordial pools) is read beforehand
 * through hvemu's own test client and handed in as {@link Expected}.
 */
final class OpenNmsFlow {
    static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    static final String SELECTOR_FILTER = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";
    static final String ASSOCIATION_FILTER = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    static final String SERVICE = WMI + "Msvm_ResourcePoolConfigurationService";
    static final Map<String, String> SERVICE_KEYS = Map.of("CreationClassName", "Msvm_ResourcePoolConfigurationService",
            "Name", "poolcfgsvc", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HVCLU01");

    /**
     * What hvemu's own client read before the run.
     *
     * @param processors every Msvm_Processor as SystemName/DeviceID
     * @param pools the InstanceIDs of every CIM_ResourcePool (polymorphic)
     * @param primordialPools the InstanceIDs of the Msvm_ResourcePool instances (polymorphic) that are primordial
     */
    record Expected(Set<String> processors, Set<String> pools, Set<String> primordialPools) {
    }

    private final WSManClient client;
    private final OpenNmsReport report;

    OpenNmsFlow(WSManClient client, OpenNmsReport report) {
        this.client = client;
        this.report = report;
    }

    /**
     * Runs every operation; {@code createPool} creates a pool of the given name out of band (this client has
     * no Invoke) and returns its job's InstanceID.
     */
    void run(Expected expected, Function<String, String> createPool) {
        report.step("identify", this::identify);
        report.step("get", this::getService);
        report.step("get-missing", this::getMissing);
        report.attempt("get-base-class-uri", "get() expects the reply's element to be named after the resource URI's"
                + " last segment, and hvemu, as WinRM, answers a CIM_ URI with the instance's own Msvm_ class",
                e -> e.getMessage() != null && e.getMessage().contains("Unexpected element {" + SERVICE + "}")
                        ? "the client rejects the reply: " + e.getMessage().replaceFirst("^.*Fault: ", "") : null,
                () -> client.get(WMI + "CIM_ResourcePoolConfigurationService", SERVICE_KEYS));
        report.step("enumerate-optimized", () -> enumerateOptimized(expected.processors()));
        report.step("enumerate-pull", () -> enumeratePull(expected.pools()));
        report.unsupported("enumerate-epr", "WSManClient.enumerate* send no wsman:EnumerationMode (EnumerateEPR,"
                + " EnumerateObjectAndEPR): only OptimizeEnumeration, MaxElements and MaxEnvelopeSize");
        report.unsupported("release", "WSManClient has no Release: an unfinished enumeration is left to expire");
        report.step("wql", () -> wql(expected.primordialPools()));
        report.step("wql-pull", () -> wqlPull(expected.primordialPools()));
        report.step("wql-projection", () -> wqlProjection(expected.primordialPools()));
        report.attempt("selector-filter",
                "the filter is a string written as text, so a wsman:SelectorSet goes out escaped",
                OpenNmsReport.fault("CannotProcessFilter"), () -> enumerateAll(WMI + "Msvm_Processor", SELECTOR_FILTER,
                        "<w:SelectorSet xmlns:w=\"" + WSManConstants.XML_NS_DMTF_WSMAN_V1
                                + "\"><w:Selector Name=\"SystemName\">HV-NODE1</w:Selector></w:SelectorSet>"));
        report.attempt("association-filter",
                "the filter is a string written as text, so a b:AssociatedInstances goes out escaped",
                OpenNmsReport.fault("CannotProcessFilter"), () -> enumerateAll(WMI + "*", ASSOCIATION_FILTER,
                        associatedInstancesOfTheService()));
        report.unsupported("create-resource-pool", "WSManClient has no Invoke (identify, get, enumerate, pull only);"
                + " the test creates the pool with hvemu's own client and this client polls the job");
        String name = "OpenNMS pool";
        String job = createPool.apply(name);
        report.step("poll-job", () -> pollJob(job));
        String[] pool = new String[1];
        report.step("find-pool", () -> {
            pool[0] = findPool(job, name);
            return "ASSOCIATORS OF the job found the pool " + pool[0];
        });
        report.step("get-pool", () -> getPool(pool[0], name));
    }

    /** A DSP0227 AssociatedInstances filter: the systems associated with the service. */
    private static String associatedInstancesOfTheService() {
        StringBuilder keys = new StringBuilder();
        SERVICE_KEYS.forEach((k, v) -> keys.append("<w:Selector Name=\"").append(k).append("\">").append(v)
                .append("</w:Selector>"));
        return "<b:AssociatedInstances xmlns:b=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\" xmlns:a=\""
                + WSManConstants.XML_NS_WS_2004_08_ADDRESSING + "\" xmlns:w=\"" + WSManConstants.XML_NS_DMTF_WSMAN_V1
                + "\">"
                + "<b:Object><a:Address>" + WSManConstants.XML_NS_WS_2004_08_ADDRESSING + "/role/anonymous</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + SERVICE + "</w:ResourceURI><w:SelectorSet>" + keys
                + "</w:SelectorSet></a:ReferenceParameters></b:Object>"
                + "<b:ResultClassName>Msvm_ComputerSystem</b:ResultClassName></b:AssociatedInstances>";
    }

    private String identify() {
        Identity identity = client.identify();
        assertThat(identity.getProductVendor()).isEqualTo("Microsoft Corporation");
        assertThat(identity.getProductVersion()).isEqualTo("OS: 10.0.20348 SP: 0.0 Stack: 3.0");
        assertThat(identity.getProtocolVersions()).containsExactly(WSManConstants.XML_NS_DMTF_WSMAN_V1);
        return identity.getProductVendor() + ", " + identity.getProductVersion();
    }

    private String getService() {
        Node service = client.get(SERVICE, SERVICE_KEYS);
        assertThat(service.getLocalName()).isEqualTo("Msvm_ResourcePoolConfigurationService");
        SERVICE_KEYS.forEach((key, value) -> assertThat(property(service, key)).as(key).isEqualTo(value));
        assertThat(property(service, "EnabledState")).as("EnabledState").isEqualTo("2");
        return "Msvm_ResourcePoolConfigurationService Name=" + property(service, "Name") + " on "
                + property(service, "SystemName") + ", EnabledState 2";
    }

    /**
     * A Get of a job that does not exist: the client maps hvemu's {@code a:DestinationUnreachable} fault to
     * its InvalidResourceURI. The subcode is the 2004/08 one in both modes: hvemu answers W3C requests with
     * W3C headers but the fault table's subcodes and fault Actions (docs/clients.md, "OpenNMS").
     */
    private String getMissing() {
        try {
            client.get(WMI + "Msvm_ConcreteJob", Map.of("InstanceID", "no-such-job"));
        } catch (InvalidResourceURI e) {
            SoapFault fault = OpenNmsReport.soapFault(e);
            assertThat(fault).as("a SOAP fault").isNotNull();
            assertThat(fault.getSubCode()).isEqualTo(new QName(WSManConstants.XML_NS_WS_2004_08_ADDRESSING,
                    "DestinationUnreachable"));
            assertThat(fault.getReason()).contains("cannot find the resource");
            return "InvalidResourceURI (a:DestinationUnreachable): " + fault.getReason().trim();
        }
        throw new AssertionError("the client returned an instance that does not exist");
    }

    private String enumerateOptimized(Set<String> expected) {
        List<Node> nodes = new ArrayList<>();
        String context = client.enumerateAndPull(WMI + "Msvm_Processor", nodes, true);
        assertThat(context).as("no context after the last batch").isNull();
        assertThat(nodes.stream().map(n -> property(n, "SystemName") + "/" + property(n, "DeviceID")))
                .containsExactlyInAnyOrderElementsOf(expected);
        return nodes.size() + " Msvm_Processor, optimized, MaxElements 10";
    }

    private String enumeratePull(Set<String> expected) {
        String uri = WMI + "CIM_ResourcePool";
        String context = client.enumerate(uri);
        assertThat(context).as("Enumerate answers a context").isNotBlank();
        List<Node> nodes = new ArrayList<>();
        Set<String> contexts = new LinkedHashSet<>();
        while (context != null) {
            assertThat(contexts.add(context)).as("a fresh context on every Pull").isTrue();
            context = client.pull(context, uri, nodes, false);
        }
        assertThat(values(nodes, "InstanceID")).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> classes = new LinkedHashSet<>();
        nodes.forEach(n -> classes.add(n.getLocalName()));
        assertThat(classes).as("polymorphic").contains("Msvm_ResourcePool", "Msvm_ProcessorPool");
        return nodes.size() + " CIM_ResourcePool (" + String.join(", ", classes) + ") in " + contexts.size() + " Pulls";
    }

    private String wql(Set<String> expected) {
        List<Node> nodes = enumerateAll(WMI + "*", WSManConstants.XML_NS_WQL_DIALECT,
                "SELECT * FROM Msvm_ResourcePool WHERE Primordial = TRUE");
        assertThat(values(nodes, "InstanceID")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(values(nodes, "Primordial")).containsOnly("true");
        return nodes.size() + " primordial pools";
    }

    private String wqlPull(Set<String> expected) {
        String uri = WMI + "*";
        String context = client.enumerateWithFilter(uri, WSManConstants.XML_NS_WQL_DIALECT,
                "SELECT * FROM Msvm_ResourcePool WHERE Primordial = TRUE");
        List<Node> nodes = new ArrayList<>();
        assertThat(client.pull(context, uri, nodes, true)).isNull();
        assertThat(values(nodes, "InstanceID")).containsExactlyInAnyOrderElementsOf(expected);
        return nodes.size() + " primordial pools through Enumerate and Pull";
    }

    private String wqlProjection(Set<String> expected) {
        List<Node> nodes = enumerateAll(WMI + "*", WSManConstants.XML_NS_WQL_DIALECT,
                "SELECT InstanceID, ResourceType FROM Msvm_ResourcePool WHERE Primordial = TRUE");
        for (Node n : nodes) {
            assertThat(n.getLocalName()).isEqualTo("XmlFragment");
            assertThat(children(n)).containsExactly("InstanceID", "ResourceType");
        }
        assertThat(values(nodes, "InstanceID")).containsExactlyInAnyOrderElementsOf(expected);
        return nodes.size() + " wsman:XmlFragment of InstanceID, ResourceType";
    }

    private String pollJob(String job) throws InterruptedException {
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Node node = client.get(WMI + "Msvm_ConcreteJob", Map.of("InstanceID", job));
            String state = property(node, "JobState");
            if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                states.add(state);
            }
            if (!List.of("2", "3", "4").contains(state)) {
                assertThat(state).as("the job completed: " + property(node, "ErrorDescription")).isEqualTo("7");
                assertThat(property(node, "PercentComplete")).isEqualTo("100");
                return "JobState " + String.join(" → ", states) + " in " + (i + 1) + " Gets";
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not complete in 30 s; states seen: " + states);
    }

    private String findPool(String job, String name) {
        List<Node> nodes = enumerateAll(WMI + "*", WSManConstants.XML_NS_WQL_DIALECT, "ASSOCIATORS OF {Msvm_ConcreteJob"
                + ".InstanceID=\"" + job + "\"} WHERE ResultClass = Msvm_ResourcePool");
        assertThat(nodes).hasSize(1);
        assertThat(property(nodes.get(0), "ElementName")).isEqualTo(name);
        return property(nodes.get(0), "InstanceID");
    }

    private String getPool(String instanceId, String name) {
        assertThat(instanceId).as("find-pool read the pool's InstanceID").isNotNull();
        Node pool = client.get(WMI + "Msvm_ResourcePool", Map.of("InstanceID", instanceId));
        assertThat(property(pool, "ElementName")).isEqualTo(name);
        assertThat(property(pool, "Primordial")).isEqualTo("false");
        assertThat(property(pool, "ResourceType")).isEqualTo("3");
        assertThat(property(pool, "Capacity")).isEqualTo("2");
        return "ElementName \"" + name + "\", ResourceType 3, Capacity 2";
    }

    private List<Node> enumerateAll(String uri, String dialect, String filter) {
        List<Node> nodes = new ArrayList<>();
        assertThat(client.enumerateAndPullUsingFilter(uri, dialect, filter, nodes, true)).isNull();
        return nodes;
    }

    /** The text of the child element {@code name} of an instance, or null. */
    static String property(Node instance, String name) {
        for (Node c = instance.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static List<String> values(List<Node> nodes, String name) {
        return nodes.stream().map(n -> property(n, name)).toList();
    }

    private static List<String> children(Node node) {
        List<String> names = new ArrayList<>();
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }
}
