package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.ManualClock;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Enumerate, Pull and Release as Windows answers them (wire.md §3.3): optimized and not, the three
 * modes, paging, the envelope bound, Release and expiry.
 */
class EnumerationIT {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static final String ENUMERATE = N + "/Enumerate";
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.clock(CLOCK)
            .enumerationExpiry(Duration.ofSeconds(10)));

    private static String enumerate(String uri, String body) {
        return Envelopes.request(ENUMERATE, "", "<n:Enumerate xmlns:n=\"" + N + "\">" + body + "</n:Enumerate>")
                .replace(Envelopes.JOB_URI, uri).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
    }

    private static String pull(String uri, String context, String maxElements) {
        return Envelopes.request(N + "/Pull", "", "<n:Pull xmlns:n=\"" + N + "\"><n:EnumerationContext>" + context
                + "</n:EnumerationContext>" + (maxElements == null ? "" : "<n:MaxElements>" + maxElements + "</n:MaxElements>")
                + "</n:Pull>").replace(Envelopes.JOB_URI, uri).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
    }

    private static HttpExchange ok(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static String context(HttpExchange reply) {
        List<String> c = reply.texts("//*[local-name()='EnumerationContext']");
        return c.isEmpty() ? null : c.get(0);
    }

    @Test
    void returnsEverythingInTheEnumerateResponseWhenOptimized() {
        HttpExchange reply = ok(enumerate(Envelopes.wmi("Msvm_ComputerSystem"),
                "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"));
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(N + "/EnumerateResponse");
        Xml.at(reply.body()).valueByXPath("//n:EnumerateResponse/n:EnumerationContext").isEqualTo("");
        Xml.at(reply.body()).nodesByXPath("//n:EnumerateResponse/w:Items/*").hasSize(3);
        Xml.at(reply.body()).nodesByXPath("//n:EnumerateResponse/w:EndOfSequence").exist();
        assertThat(reply.texts("//*[local-name()='Name']")).containsExactlyInAnyOrder("HVCLU01", "HV-NODE1", "HV-NODE2");
    }

    @Test
    void pagesByOneThroughEveryPoolWithAFreshContextEachTime() {
        String uri = Envelopes.wmi("CIM_ResourcePool");
        HttpExchange reply = ok(enumerate(uri, "<w:OptimizeEnumeration/><w:MaxElements>1</w:MaxElements>"));
        Set<String> ids = new HashSet<>(reply.texts("//*[local-name()='InstanceID']"));
        Set<String> contexts = new HashSet<>();
        String context = context(reply);
        while (context != null) {
            assertThat(contexts.add(context)).as("a fresh context on every reply").isTrue();
            reply = ok(pull(uri, context, null));
            Xml.at(reply.body()).nodesByXPath("//n:PullResponse/n:Items/*").hasSize(1);
            ids.addAll(reply.texts("//*[local-name()='InstanceID']"));
            context = context(reply);
        }
        Xml.at(reply.body()).nodesByXPath("//n:PullResponse/n:EndOfSequence").exist();
        assertThat(ids).as("16 primordial pools, each once").hasSize(16);
        assertThat(reply.body()).as("derived classes in their own namespaces").contains(Envelopes.wmi("Msvm_ProcessorPool"));
    }

    @Test
    void answersWithAContextOnlyWhenNotOptimized() {
        String uri = Envelopes.wmi("Msvm_Memory");
        HttpExchange reply = ok(enumerate(uri, ""));
        Xml.at(reply.body()).nodesByXPath("//n:EnumerateResponse/w:Items").doNotExist();
        String context = context(reply);
        assertThat(context).matches("uuid:[0-9A-F-]{36}");
        HttpExchange pulled = ok(pull(uri, context, "10"));
        Xml.at(pulled.body()).nodesByXPath("//n:PullResponse/n:Items/*").hasSize(4);
        Xml.at(pulled.body()).nodesByXPath("//n:PullResponse/n:EnumerationContext").doNotExist();
        Xml.at(pulled.body()).nodesByXPath("//n:PullResponse/n:EndOfSequence").exist();
    }

    @Test
    void writesEndpointReferencesInEprMode() {
        HttpExchange reply = ok(enumerate(Envelopes.wmi("Msvm_ResourcePoolConfigurationService"),
                "<w:OptimizeEnumeration/><w:MaxElements>10</w:MaxElements><w:EnumerationMode>EnumerateEPR</w:EnumerationMode>"));
        Xml.at(reply.body()).nodesByXPath("//w:Items/a:EndpointReference").hasSize(1);
        Xml.at(reply.body()).valueByXPath("//w:Items/a:EndpointReference/a:ReferenceParameters/w:ResourceURI")
                .isEqualTo(Envelopes.wmi("Msvm_ResourcePoolConfigurationService"));
        Xml.at(reply.body()).valueByXPath("//w:Items/a:EndpointReference//w:Selector[@Name='SystemName']").isEqualTo("HVCLU01");
        assertThat(reply.body()).as("wsl copies EPR lines into requests that declare wsa and wsman only")
                .contains("<wsman:Selector Name=\"SystemName\">HVCLU01</wsman:Selector>");
    }

    @Test
    void writesItemsWithInstanceAndEprInObjectAndEprMode() {
        String uri = Envelopes.dmtf("Msvm_ResourcePoolConfigurationCapabilities");
        String request = enumerate(uri, "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"
                + "<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode>")
                .replace("</s:Header>", "<w:SelectorSet><w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>"
                        + "</w:SelectorSet></s:Header>");
        HttpExchange reply = ok(request);
        Xml.at(reply.body()).nodesByXPath("//w:Items/w:Item").hasSize(1);
        Xml.at(reply.body()).withNamespaceContext(java.util.Map.of("c", uri, "w", "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
                "a", "http://schemas.xmlsoap.org/ws/2004/08/addressing"))
                .nodesByXPath("//w:Item/c:Msvm_ResourcePoolConfigurationCapabilities/following-sibling::a:EndpointReference").hasSize(1);
        Xml.at(reply.body()).valueByXPath("//w:Item/a:EndpointReference//w:Selector[@Name='__cimnamespace']")
                .isEqualTo("root/HyperVCluster/v2");
    }

    @Test
    void boundsBatchesByTheClientsEnvelopeSize() {
        String uri = Envelopes.wmi("Msvm_Processor");
        HttpExchange first = ok(enumerate(uri, "<w:OptimizeEnumeration/><w:MaxElements>100</w:MaxElements>")
                .replace(">512000<", ">8192<"));
        int count = first.texts("//*[local-name()='DeviceID']").size();
        assertThat(count).isBetween(1, 31);
        assertThat(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(8192);
        Set<String> seen = new HashSet<>();
        for (HttpExchange r = first; ; ) {
            for (String n : r.texts("//*[local-name()='SystemName']/following-sibling::*[local-name()='Generation'] | "
                    + "//*[local-name()='Items']/*")) {
                seen.add(n);
            }
            String context = context(r);
            if (context == null || context.isEmpty()) {
                break;
            }
            r = ok(pull(uri, context, "100").replace(">512000<", ">8192<"));
        }
        assertThat(seen).as("all 32 processors, each once").hasSize(32);
    }

    @Test
    void releasesAndExpiresContexts() {
        String uri = Envelopes.wmi("Msvm_DiskDrive");
        String released = context(ok(enumerate(uri, "")));
        HttpExchange release = ok(Envelopes.request(N + "/Release", "", "<n:Release xmlns:n=\"" + N
                + "\"><n:EnumerationContext>" + released + "</n:EnumerationContext></n:Release>").replace(Envelopes.JOB_URI, uri));
        Xml.at(release.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(N + "/ReleaseResponse");
        Xml.at(release.body()).nodesByXPath("/s:Envelope/s:Body/*").doNotExist();
        assertInvalid(pull(uri, released, null));

        String idle = context(ok(enumerate(uri, "")));
        CLOCK.advance(Duration.ofSeconds(11));
        assertInvalid(pull(uri, idle, null));
        assertInvalid(pull(uri, "uuid:00000000-0000-0000-0000-000000000000", null));
    }

    private static void assertInvalid(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Code/s:Value").isEqualTo("s:Receiver");
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:InvalidEnumerationContext");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo("2150858779");
    }

    @Test
    void refusesUnknownModesAndUnfilteredWildcards() {
        HttpExchange mode = emulator.client().post(enumerate(Envelopes.wmi("Msvm_Memory"),
                "<w:EnumerationMode>EnumerateEverything</w:EnumerationMode>"));
        Xml.at(mode.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:UnsupportedFeature");
        Xml.at(mode.body()).valueByXPath("//w:FaultDetail").endsWith("/EnumerationMode");
        HttpExchange wildcard = emulator.client().post(enumerate(Envelopes.wmi("*"), ""));
        Xml.at(wildcard.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
        HttpExchange missing = emulator.client().post(enumerate(Envelopes.wmi("Msvm_Nothing"), ""));
        Xml.at(missing.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
    }
}
