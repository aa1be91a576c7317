package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opennms.core.wsman.WSManClient;
import org.opennms.core.wsman.WSManEndpoint;
import org.opennms.core.wsman.WSManVersion;
import org.opennms.core.wsman.cxf.CXFWSManClientFactory;
import org.w3c.dom.Element;

/**
 * The OpenNMS WS-Man client ({@code org.opennms.core.wsman.cxf} 1.2.3, Apache CXF 3.1) against hvemu, in
 * both of its wire modes: {@code WSMAN_1_0} (WS-Addressing 2004/08) and {@code WSMAN_1_2} (W3C
 * WS-Addressing 1.0; {@code WSMAN_1_1} and {@code WSMAN_1_1_1} send the same). Every operation the client
 * can perform must be ok; what it cannot is reported unsupported (docs/clients.md, "OpenNMS").
 */
class OpenNmsClientIT {
    private static final String MEMBER_2004_08 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String W3C_2005_08 = "http://www.w3.org/2005/08/addressing";

    @RegisterExtension
    final RunningEmulator emulator = RunningEmulator.secured();

    @ParameterizedTest
    @EnumSource(value = WSManVersion.class, names = {"WSMAN_1_0", "WSMAN_1_2"})
    void drivesEveryOperationOfTheClient(WSManVersion version) throws Exception {
        WsmanClient hvemu = emulator.authenticated();
        OpenNmsFlow.Expected expected = new OpenNmsFlow.Expected(
                read(hvemu, "Msvm_Processor", p -> true, p -> p.get("SystemName") + "/" + p.get("DeviceID")),
                read(hvemu, "CIM_ResourcePool", p -> true, p -> p.get("InstanceID")),
                read(hvemu, "Msvm_ResourcePool", p -> "true".equals(p.get("Primordial")), p -> p.get("InstanceID")));
        WSManClient client = new CXFWSManClientFactory().getClient(
                new WSManEndpoint.Builder(emulator.emulator().endpointUri().toURL())
                        .withBasicAuth(RunningEmulator.USER, RunningEmulator.PASSWORD)
                        .withServerVersion(version).withMaxElements(10).build());
        OpenNmsReport report = new OpenNmsReport("OpenNMS org.opennms.core.wsman.cxf 1.2.3, " + version + ", "
                + emulator.emulator().endpointUri());
        try (OpenNmsWire wire = OpenNmsWire.open()) {
            new OpenNmsFlow(client, report).run(expected, name -> createPool(hvemu, name));
            RealClient.Run run = report.run();
            run.assertOk("identify", "get", "get-missing", "enumerate-optimized", "enumerate-pull", "wql", "wql-pull",
                    "wql-projection", "poll-job", "find-pool", "get-pool");
            assertThat(run.outcomes().values()).filteredOn(o -> o.status().equals("unsupported"))
                    .extracting(RealClient.Outcome::operation).containsExactly("get-base-class-uri", "enumerate-epr",
                            "release", "selector-filter", "association-filter", "create-resource-pool");
            assertAddressing(wire.messages(), version == WSManVersion.WSMAN_1_0 ? MEMBER_2004_08 : W3C_2005_08);
        }
    }

    /**
     * Asserts on the messages the client logged that every request but Identify (which WS-Man sends without
     * addressing) carried its WS-Addressing headers in {@code namespace} with a {@code urn:uuid:} MessageID,
     * and that every reply answered in kind: Action and RelatesTo in the same namespace, RelatesTo equal to
     * the request's MessageID.
     */
    private static void assertAddressing(List<OpenNmsWire.Message> messages, String namespace) {
        int addressed = 0;
        for (int i = 0; i + 1 < messages.size(); i += 2) {
            OpenNmsWire.Message request = messages.get(i);
            OpenNmsWire.Message reply = messages.get(i + 1);
            assertThat(request.outbound() && !reply.outbound()).as("request then reply").isTrue();
            if (request.header("Identify") != null) {
                assertThat(request.header("MessageID")).as("Identify is sent without addressing").isNull();
                continue;
            }
            for (String header : List.of("Action", "MessageID", "To", "ReplyTo")) {
                assertThat(request.header(header)).as(() -> header + " in " + text(request)).isNotNull();
                assertThat(request.header(header).getNamespaceURI()).as(header).isEqualTo(namespace);
            }
            String messageId = request.header("MessageID").getTextContent();
            assertThat(messageId).startsWith("urn:uuid:");
            for (String header : List.of("Action", "RelatesTo")) {
                assertThat(reply.header(header)).as(() -> header + " in " + text(reply)).isNotNull();
                assertThat(reply.header(header).getNamespaceURI()).as(header).isEqualTo(namespace);
            }
            assertThat(reply.header("RelatesTo").getTextContent()).isEqualTo(messageId);
            assertThat(reply.header("To").getTextContent()).isEqualTo(namespace.equals(W3C_2005_08)
                    ? W3C_2005_08 + "/anonymous" : MEMBER_2004_08 + "/role/anonymous");
            addressed++;
        }
        assertThat(addressed).as("addressed exchanges the client logged").isGreaterThan(20);
    }

    /** The envelope as text, for assertion messages. */
    private static String text(OpenNmsWire.Message m) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer()
                    .transform(new DOMSource(m.envelope()), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new AssertionError(e);
        }
    }

    private static String createPool(WsmanClient hvemu, String name) {
        HttpExchange reply = hvemu.post(Pools.create(name, "3", Pools.processor(1, 0), Pools.processor(2, 0)));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isEqualTo(4096);
        return Pools.selector(reply, "Job", "InstanceID");
    }

    /** Reads, through hvemu's own client, a value of each instance of a class that passes a filter. */
    private static Set<String> read(WsmanClient hvemu, String className, Predicate<Map<String, String>> filter,
            Function<Map<String, String>, String> value) {
        return PoolService.instances(hvemu, className).stream().filter(filter).map(value).collect(Collectors.toSet());
    }
}
