package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /hvemu/admin/journal}: what it records of each exchange on /wsman, its filters, its bound, DELETE. */
class JournalIT {
    private static final int SIZE = 8;

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.with(b -> b.credentials(RunningEmulator.USER,
            RunningEmulator.PASSWORD).maxRequestBytes(20_000).journalSize(SIZE));

    static final String SERVICE_GET = Envelopes.get(PoolService.URI, "CreationClassName",
            "Msvm_ResourcePoolConfigurationService", "Name", "poolcfgsvc", "SystemCreationClassName",
            "Msvm_ComputerSystem", "SystemName", "HVCLU01");

    private static Admin admin() {
        return new HttpAdmin(EMULATOR.emulator().adminUri(), RunningEmulator.USER, RunningEmulator.PASSWORD);
    }

    private static List<JournalEntry> journal() {
        return admin().journal(JournalQuery.all());
    }

    @BeforeEach
    void clear() {
        admin().clearJournal();
    }

    @Test
    void holdsTheBytesExchangedAndTheFactsOfTheRequest() {
        HttpExchange reply = EMULATOR.authenticated().post(SERVICE_GET);
        assertThat(reply.status()).isEqualTo(200);

        assertThat(journal()).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.request()).as("the bytes sent, as UTF-8 text").isEqualTo(SERVICE_GET);
            assertThat(e.requestBase64()).isNull();
            assertThat(e.response()).as("the bytes received").isEqualTo(reply.body());
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.action()).isEqualTo(Envelopes.GET);
            assertThat(e.resourceUri()).isEqualTo(PoolService.URI);
            assertThat(e.selectors()).containsExactly(Map.entry("CreationClassName", "Msvm_ResourcePoolConfigurationService"),
                    Map.entry("Name", "poolcfgsvc"), Map.entry("SystemCreationClassName", "Msvm_ComputerSystem"),
                    Map.entry("SystemName", "HVCLU01"));
            assertThat(e.method()).isNull();
            assertThat(e.faultSubcode()).isNull();
            assertThat(e.faultRule()).isNull();
            assertThat(e.remoteAddress()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(Instant.parse(e.time())).isNotNull();
            assertThat(e.durationMicros()).isNotNegative();
        });
    }

    @Test
    void recordsTheFaultSubcodeTheMethodAndReferenceSelectors() {
        HttpExchange invoke = EMULATOR.authenticated().post(PoolService.call("NoSuchMethod"));
        String system = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + Envelopes.wmi("Msvm_ComputerSystem") + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";
        EMULATOR.authenticated().post(Envelopes.getWith(Envelopes.wmi("Msvm_HostedResourcePool"),
                Envelopes.refSelector("GroupComponent", system)));

        List<JournalEntry> entries = journal();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).method()).isEqualTo("NoSuchMethod");
        assertThat(entries.get(0).httpStatus()).isEqualTo(invoke.status()).isEqualTo(500);
        assertThat(entries.get(0).faultSubcode()).isEqualTo("a:ActionNotSupported");
        assertThat(entries.get(1).selectors()).containsExactly(Map.entry("GroupComponent",
                Envelopes.wmi("Msvm_ComputerSystem") + "?CreationClassName=Msvm_ComputerSystem+Name=HVCLU01"));
        assertThat(entries.get(1).faultSubcode()).isNotNull();
    }

    @Test
    void filtersByActionResourceUriAndMethodAndLimits() {
        WsmanClient client = EMULATOR.authenticated();
        client.post(SERVICE_GET);
        client.post(Envelopes.get(Envelopes.JOB_URI, "InstanceID", "NO-SUCH-JOB"));
        client.post(PoolService.call("NoSuchMethod"));
        client.post(Envelopes.IDENTIFY);

        assertThat(admin().journal(new JournalQuery(Envelopes.GET, null, null, 0))).extracting(JournalEntry::sequence)
                .containsExactly(1L, 2L);
        assertThat(admin().journal(new JournalQuery(null, PoolService.URI.toUpperCase(), null, 0)))
                .extracting(JournalEntry::sequence).as("resource URIs compare ignoring case").containsExactly(1L, 3L);
        assertThat(admin().journal(new JournalQuery(null, null, "nosuchmethod", 0))).extracting(JournalEntry::sequence)
                .containsExactly(3L);
        assertThat(admin().journal(new JournalQuery(Envelopes.GET, PoolService.URI, null, 0)))
                .extracting(JournalEntry::sequence).containsExactly(1L);
        assertThat(admin().journal(new JournalQuery(null, null, null, 2))).extracting(JournalEntry::sequence)
                .as("the newest two, oldest first").containsExactly(3L, 4L);
        assertThat(admin().journal(new JournalQuery(Envelopes.GET + "X", null, null, 0))).isEmpty();
    }

    @Test
    void recordsRequestsRefusedBeforeTheyAreRead() {
        WsmanClient anonymous = EMULATOR.client();
        WsmanClient client = EMULATOR.authenticated();
        assertThat(anonymous.post(SERVICE_GET).status()).isEqualTo(401);
        assertThat(client.header("Content-Type", "text/xml").post(SERVICE_GET).status()).isEqualTo(415);
        assertThat(client.post(new byte[0]).status()).isEqualTo(200);
        assertThat(client.post("<x>" + "a".repeat(25_000) + "</x>").status()).isEqualTo(413);
        assertThat(client.send("GET").status()).isEqualTo(405);
        assertThat(anonymous.header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.IDENTIFY).status()).isEqualTo(200);

        List<JournalEntry> entries = journal();
        assertThat(entries).extracting(JournalEntry::httpStatus).containsExactly(401, 415, 200, 413, 405, 200);
        assertThat(entries).extracting(JournalEntry::request).as("a refused body is kept when it was read")
                .containsExactly(SERVICE_GET, "", "", "", "", Envelopes.IDENTIFY);
        assertThat(entries.get(0).action()).as("never parsed").isNull();
        assertThat(entries.get(5).response()).contains("IdentifyResponse");
    }

    @Test
    void keepsAUtf16RequestAsTextAndAsItsBytes() {
        byte[] utf16 = Envelopes.IDENTIFY.getBytes(StandardCharsets.UTF_16);
        HttpExchange reply = EMULATOR.authenticated().header("Content-Type", "application/soap+xml;charset=UTF-16")
                .post(utf16);
        assertThat(reply.status()).isEqualTo(200);

        assertThat(journal()).singleElement().satisfies(e -> {
            assertThat(e.request()).isEqualTo(Envelopes.IDENTIFY);
            assertThat(Base64.getDecoder().decode(e.requestBase64())).isEqualTo(utf16);
            assertThat(e.response()).isEqualTo(reply.body());
        });
    }

    @Test
    void keepsOnlyTheNewestExchanges() {
        for (int i = 0; i < SIZE + 2; i++) {
            EMULATOR.authenticated().post(Envelopes.IDENTIFY);
        }
        assertThat(journal()).extracting(JournalEntry::sequence).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void deleteForgetsEveryExchange() throws Exception {
        EMULATOR.authenticated().post(Envelopes.IDENTIFY);
        EMULATOR.authenticated().post(Envelopes.IDENTIFY);
        assertThat(journal()).hasSize(2);

        assertThat(raw("DELETE", "/journal").statusCode()).isEqualTo(204);

        assertThat(journal()).isEmpty();
        EMULATOR.authenticated().post(Envelopes.IDENTIFY);
        assertThat(journal()).extracting(JournalEntry::sequence).as("numbered from 1 again").containsExactly(1L);
    }

    @Test
    void answersJsonWithTheFieldsDocumented() throws Exception {
        EMULATOR.authenticated().post(SERVICE_GET);
        HttpResponse<String> response = raw("GET", "/journal?action=" + Envelopes.GET + "&limit=1");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entry = new ObjectMapper().readTree(response.body()).get(0);
        assertThat(entry.fieldNames()).toIterable().containsExactly("sequence", "time", "remoteAddress", "action",
                "resourceUri", "selectors", "httpStatus", "durationMicros", "request", "response");
        assertThat(raw("GET", "/journal?limit=many").statusCode()).isEqualTo(400);
        assertThat(raw("GET", "/journal?limit=-1").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> raw(String method, String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString((RunningEmulator.USER + ":" + RunningEmulator.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(EMULATOR.emulator().adminUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Basic " + auth).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
