package hvemu.control;

import static hvemu.control.FaultEffectsIT.action;
import static hvemu.control.FaultEffectsIT.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /hvemu/admin/faults}: which requests a rule matches, on which calls it applies, its counts, the
 * order of rules, removal, and the checks of a new rule.
 */
class FaultRulesIT {
    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.open();

    private static final FaultRule.Effect UNAVAILABLE = new FaultRule.Effect(null, null, null, null, 503, null);
    private static final String JOB_GET = Envelopes.get(Envelopes.JOB_URI, "InstanceID", "NO-SUCH-JOB");

    private static Admin admin() {
        return new HttpAdmin(EMULATOR.emulator().adminUri(), null, null);
    }

    /** Posts the envelope {@code times} times; returns the statuses. */
    private static List<Integer> statuses(String envelope, int times) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(EMULATOR.client().post(envelope).status());
        }
        return out;
    }

    private static FaultRule current(FaultRule added) {
        return admin().faults().stream().filter(r -> r.id().equals(added.id())).findFirst().orElseThrow();
    }

    @BeforeEach
    void clear() {
        admin().clearFaults();
    }

    @Test
    void nthAppliesToThatCallOnly() {
        FaultRule second = admin().addFault(rule(action(Envelopes.GET), new FaultRule.Calls(2, null, null), UNAVAILABLE));
        assertThat(statuses(JournalIT.SERVICE_GET, 4)).containsExactly(200, 503, 200, 200);
        assertThat(current(second)).extracting(FaultRule::hits, FaultRule::matched).containsExactly(1L, 4L);
    }

    @Test
    void nextAppliesToTheNextCallsThenStops() {
        FaultRule next = admin().addFault(rule(action(Envelopes.GET), new FaultRule.Calls(null, 2, null), UNAVAILABLE));
        assertThat(statuses(JournalIT.SERVICE_GET, 3)).containsExactly(503, 503, 200);
        assertThat(current(next)).extracting(FaultRule::hits, FaultRule::matched).containsExactly(2L, 3L);
    }

    @Test
    void everyIsTheDefault() {
        FaultRule every = admin().addFault(rule(action(Envelopes.GET), null, UNAVAILABLE));
        assertThat(every.calls()).isEqualTo(new FaultRule.Calls(null, null, true));
        assertThat(every.id()).isNotNull();
        assertThat(statuses(JournalIT.SERVICE_GET, 3)).containsExactly(503, 503, 503);
        assertThat(current(every).hits()).isEqualTo(3);
    }

    @Test
    void matchesBySelectorsIgnoringCase() {
        FaultRule bySelector = admin().addFault(rule(new FaultRule.Match(null, null, null, Map.of("systemname", "hvclu01")),
                null, UNAVAILABLE));
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(503);
        assertThat(statuses(JOB_GET, 1)).as("another instance's selectors").containsExactly(500);
        assertThat(statuses(JournalIT.SERVICE_GET.replace(">HVCLU01<", ">HV-NODE1<"), 1)).as("another value")
                .containsExactly(500);
        assertThat(current(bySelector)).extracting(FaultRule::hits, FaultRule::matched).containsExactly(1L, 1L);
    }

    @Test
    void matchesByResourceClassAndTheClassesDerivedFromIt() {
        admin().addFault(rule(new FaultRule.Match(null, "CIM_ResourcePoolConfigurationService", null, null), null,
                UNAVAILABLE));
        String derived = JournalIT.SERVICE_GET.replace(PoolService.URI, Envelopes.wmi("Msvm_ResourcePoolConfigurationService"));
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(503);
        assertThat(statuses(derived, 1)).containsExactly(503);
        assertThat(statuses(JOB_GET, 1)).containsExactly(500);

        admin().clearFaults();
        admin().addFault(rule(new FaultRule.Match(null, "Msvm_ResourcePoolConfigurationService", null, null), null,
                UNAVAILABLE));
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).as("a base class's URI does not name the derived class")
                .containsExactly(200);
        assertThat(statuses(derived, 1)).containsExactly(503);
    }

    @Test
    void matchesByMethodIgnoringCase() {
        FaultRule byMethod = admin().addFault(rule(new FaultRule.Match(null, null, "createresourcepool", null), null,
                UNAVAILABLE));
        assertThat(statuses(PoolService.call("CreateResourcePool"), 1)).containsExactly(503);
        assertThat(statuses(PoolService.call("DeleteResourcePool"), 1)).doesNotContain(503);
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(200);
        assertThat(current(byMethod).matched()).isEqualTo(1);
    }

    @Test
    void theFirstRuleThatAppliesWinsAndEveryMatchingRuleCounts() {
        FaultRule first = admin().addFault(rule(action(Envelopes.GET), new FaultRule.Calls(2, null, null), UNAVAILABLE));
        FaultRule second = admin().addFault(rule(action(Envelopes.GET), null,
                new FaultRule.Effect(null, null, null, null, 502, null)));
        assertThat(admin().faults()).extracting(FaultRule::id).containsExactly(first.id(), second.id());

        assertThat(statuses(JournalIT.SERVICE_GET, 3)).containsExactly(502, 503, 502);
        assertThat(current(first)).extracting(FaultRule::hits, FaultRule::matched).containsExactly(1L, 3L);
        assertThat(current(second)).extracting(FaultRule::hits, FaultRule::matched).containsExactly(2L, 3L);
    }

    @Test
    void removingARuleStopsItsEffect() throws Exception {
        FaultRule rule = admin().addFault(rule(action(Envelopes.GET), null, UNAVAILABLE));
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(503);

        assertThat(raw("DELETE", "/faults/" + rule.id(), null).statusCode()).isEqualTo(204);

        assertThat(admin().faults()).isEmpty();
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(200);
        assertThatThrownBy(() -> admin().removeFault(rule.id())).isInstanceOfSatisfying(AdminException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deleteRemovesEveryRule() throws Exception {
        admin().addFault(rule(action(Envelopes.GET), null, UNAVAILABLE));
        admin().addFault(rule(null, null, new FaultRule.Effect(null, null, null, null, null, true)));

        assertThat(raw("DELETE", "/faults", null).statusCode()).isEqualTo(204);

        assertThat(admin().faults()).isEmpty();
        assertThat(statuses(JournalIT.SERVICE_GET, 1)).containsExactly(200);
    }

    @Test
    void aRuleIsAddedAndListedAsJson() throws Exception {
        HttpResponse<String> added = raw("POST", "/faults",
                "{\"match\":{\"method\":\"CreateResourcePool\"},\"calls\":{\"next\":1},\"effect\":{\"returnCode\":4}}");
        assertThat(added.statusCode()).isEqualTo(200);
        var json = new ObjectMapper().readTree(added.body());
        assertThat(json.get("id").asText()).isNotEmpty();
        assertThat(json.get("hits").asLong()).isZero();
        HttpResponse<String> listed = raw("GET", "/faults", null);
        assertThat(new ObjectMapper().readTree(listed.body()).get(0).get("effect").get("returnCode").asLong()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                              | a rule needs an effect",
        "{\"effect\":{}}                                                 | effect takes exactly one of",
        "{\"effect\":{\"drop\":true,\"httpStatus\":500}}                 | not 2",
        "{\"effect\":{\"drop\":false}}                                   | effect.drop can only be true",
        "{\"effect\":{\"delayMillis\":0}}                                | effect.delayMillis is 1 to 100000",
        "{\"effect\":{\"delayMillis\":100001}}                           | effect.delayMillis is 1 to 100000",
        "{\"effect\":{\"httpStatus\":99}}                                | effect.httpStatus is 200 to 599",
        "{\"effect\":{\"wsmanFault\":\"NoSuchFault\"}}                   | a:DestinationUnreachable, ",
        "{\"effect\":{\"wsmanFault\":\"w:DestinationUnreachable\"}}      | no fault w:DestinationUnreachable",
        "{\"effect\":{\"returnCode\":4294967296}}                        | effect.returnCode is a uint32",
        "{\"effect\":{\"returnCode\":-1}}                                | effect.returnCode is a uint32",
        "{\"effect\":{\"jobError\":{\"errorCode\":1,\"atPercent\":101}}} | atPercent is 0 to 100",
        "{\"effect\":{\"jobError\":{\"errorCode\":70000}}}               | errorCode is a uint16",
        "{\"effect\":{\"drop\":true},\"calls\":{\"nth\":0}}              | calls.nth counts from 1",
        "{\"effect\":{\"drop\":true},\"calls\":{\"next\":0}}             | calls.next is a number of calls",
        "{\"effect\":{\"drop\":true},\"calls\":{\"nth\":1,\"next\":2}}   | calls takes one of nth, next and every",
        "{\"effect\":{\"drop\":true},\"calls\":{\"every\":false}}        | calls.every can only be true",
        "{\"effect\":{\"drop\":true},\"match\":{\"resourceClass\":\"Msvm_Nothing\"}} | no class Msvm_Nothing",
        "{\"effect\":{\"drop\":true},\"bogus\":1}                        | not a valid FaultRule",
        "not json                                                        | not a valid FaultRule",
    })
    void refusesAnInvalidRuleWith400AndSaysWhy(String body, String message) throws Exception {
        HttpResponse<String> response = raw("POST", "/faults", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("error").asText()).contains(message);
        assertThat(admin().faults()).as("nothing added").isEmpty();
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        HttpResponse<String> response = raw("POST", "/faults", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("needs a JSON body");
    }

    private static HttpResponse<String> raw(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EMULATOR.emulator().adminUri() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
