package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each effect of a fault-injection rule, through HTTP: a return code, a failed job, a delay, a WS-Man fault,
 * an HTTP status, a dropped connection. Jobs are stepped, so the test moves them.
 */
class FaultEffectsIT {
    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    private static final String CREATE = "CreateResourcePool";

    private static Admin admin() {
        return new HttpAdmin(EMULATOR.emulator().adminUri(), null, null);
    }

    static FaultRule rule(FaultRule.Match match, FaultRule.Calls calls, FaultRule.Effect effect) {
        return new FaultRule(null, match, calls, effect, 0, 0);
    }

    static FaultRule.Match method(String method) {
        return new FaultRule.Match(null, null, method, null);
    }

    static FaultRule.Match action(String action) {
        return new FaultRule.Match(action, null, null, null);
    }

    private static int count(String className) {
        return admin().instances(className).size();
    }

    @BeforeEach
    void clear() {
        admin().clearFaults();
        admin().clearJournal();
    }

    @Test
    void aForcedReturnCodeComesBackFromCreateResourcePoolWithNothingMade() {
        admin().addFault(rule(method(CREATE), null, new FaultRule.Effect(6L, null, null, null, null, null)));
        int pools = count("Msvm_ResourcePool");
        int jobs = count("Msvm_ConcreteJob");

        HttpExchange reply = EMULATOR.client().post(Pools.create("Forced", "3", Pools.processor(1, 0)));

        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("//*[local-name()='CreateResourcePool_OUTPUT']/*[local-name()='ReturnValue']")
                .isEqualTo("6");
        // As every answer without a job: the OUT references are there, nil (OutputWriter).
        Xml.at(reply.body()).nodesByXPath("//*[local-name()='CreateResourcePool_OUTPUT']/*[local-name()!='ReturnValue']"
                + "[not(@*[local-name()='nil']='true') or node()]").as("no OUT references").isEmpty();
        Xml.at(reply.body()).nodesByXPath("//*[local-name()='CreateResourcePool_OUTPUT']/*").hasSize(3);
        assertThat(count("Msvm_ResourcePool")).as("no pool").isEqualTo(pools);
        assertThat(count("Msvm_ConcreteJob")).as("no job").isEqualTo(jobs);

        admin().clearFaults();
        HttpExchange free = Jobs.createPool(EMULATOR, "Free", Pools.processor(1, 0));
        assertThat(Pools.returnValue(free)).as("the device was never reserved").isEqualTo(4096);
        EMULATOR.emulator().jobs().complete(Pools.selector(free, "Job", "InstanceID"));
    }

    @Test
    void aFailedJobEndsInExceptionWithTheErrorAtItsPercentageAndLeavesNothing() {
        admin().addFault(rule(method(CREATE), null,
                new FaultRule.Effect(null, new FaultRule.JobError(32779, "Injected: the host went away.", 50), null,
                        null, null, null)));
        String device = Pools.processor(1, 1);
        HttpExchange create = Jobs.createPool(EMULATOR, "Doomed", device);
        String job = Pools.selector(create, "Job", "InstanceID");

        EMULATOR.emulator().jobs().advance(job);
        assertThat(Jobs.property(EMULATOR, job, "JobState")).as("Starting, at 0%").isEqualTo("3");
        EMULATOR.emulator().jobs().advance(job);

        assertThat(Jobs.property(EMULATOR, job, "JobState")).isEqualTo("10");
        assertThat(Jobs.property(EMULATOR, job, "ErrorCode")).isEqualTo("32779");
        assertThat(Jobs.property(EMULATOR, job, "ErrorDescription")).isEqualTo("Injected: the host went away.");
        assertThat(Jobs.property(EMULATOR, job, "PercentComplete")).isEqualTo("50");
        admin().clearFaults();
        Jobs.assertLeftNothing(EMULATOR, create, device);
    }

    @Test
    void aDelayHoldsTheAnswerBackAtLeastThatLong() {
        admin().addFault(rule(action(Envelopes.GET), null, new FaultRule.Effect(null, null, 300L, null, null, null)));
        long start = System.nanoTime();
        HttpExchange reply = EMULATOR.client().post(JournalIT.SERVICE_GET);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("poolcfgsvc");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(admin().journal(JournalQuery.all())).singleElement().satisfies(e -> {
            assertThat(e.durationMicros()).isGreaterThanOrEqualTo(300_000);
            assertThat(e.faultRule()).isNotNull();
        });
    }

    @Test
    void aWsmanFaultComesFromTheFaultTable() {
        FaultRule added = admin().addFault(rule(action(Envelopes.GET), null,
                new FaultRule.Effect(null, null, null, "timedout", null, null)));
        assertThat(added.effect().wsmanFault()).as("named as the table writes it").isEqualTo("w:TimedOut");

        HttpExchange reply = EMULATOR.client().post(JournalIT.SERVICE_GET);

        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Body/s:Fault/s:Code/s:Value").isEqualTo("s:Receiver");
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:TimedOut");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo("2150858793");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(Envelopes.MESSAGE_ID);
        assertThat(admin().journal(JournalQuery.all())).singleElement().satisfies(e -> {
            assertThat(e.faultSubcode()).isEqualTo("w:TimedOut");
            assertThat(e.faultRule()).isEqualTo(added.id());
        });
    }

    @Test
    void anHttpStatusReplacesTheAnswerAndTheRequestIsNotProcessed() {
        admin().addFault(rule(method(CREATE), null, new FaultRule.Effect(null, null, null, null, 503, null)));
        admin().addFault(rule(action(Envelopes.GET), null, new FaultRule.Effect(null, null, null, null, 401, null)));
        int pools = count("Msvm_ResourcePool");

        HttpExchange unavailable = EMULATOR.client().post(Pools.create("Refused", "3", Pools.processor(1, 2)));
        HttpExchange unauthorized = EMULATOR.client().post(JournalIT.SERVICE_GET);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body()).isEmpty();
        assertThat(unavailable.header("Server")).isEqualTo("Microsoft-HTTPAPI/2.0");
        assertThat(count("Msvm_ResourcePool")).as("not processed").isEqualTo(pools);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("WWW-Authenticate")).isEqualTo("Basic realm=\"WSMAN\"");
        assertThat(admin().journal(JournalQuery.all())).extracting(JournalEntry::httpStatus, JournalEntry::response)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(503, ""), org.assertj.core.groups.Tuple.tuple(401, ""));
    }

    @Test
    void aDroppedConnectionReallyDropsAndTheServerKeepsServing() throws IOException {
        FaultRule drop = admin().addFault(rule(action(Envelopes.GET), null,
                new FaultRule.Effect(null, null, null, null, null, true)));
        byte[] body = JournalIT.SERVICE_GET.getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket("127.0.0.1", EMULATOR.emulator().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /wsman HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketException reset) {
                first = -1;
            }
            assertThat(first).as("the connection ends (EOF or reset) before any byte of an answer").isEqualTo(-1);
        }
        assertThatThrownBy(() -> EMULATOR.client().post(JournalIT.SERVICE_GET))
                .as("an HTTP client sees the connection fail").hasCauseInstanceOf(IOException.class);

        assertThat(EMULATOR.client().post(Envelopes.IDENTIFY).status()).as("still serving").isEqualTo(200);
        List<JournalEntry> journal = admin().journal(JournalQuery.all());
        assertThat(journal).extracting(JournalEntry::httpStatus).containsExactly(0, 0, 200);
        assertThat(journal.get(0).request()).isEqualTo(JournalIT.SERVICE_GET);
        assertThat(journal.get(0).faultRule()).isEqualTo(drop.id());
        assertThat(admin().faults()).singleElement().extracting(FaultRule::hits).isEqualTo(2L);
    }

    @Test
    void aReturnCodeRuleLeavesRequestsOtherThanInvokesAlone() {
        FaultRule any = admin().addFault(rule(null, null, new FaultRule.Effect(4097L, null, null, null, null, null)));
        assertThat(EMULATOR.client().post(JournalIT.SERVICE_GET).status()).isEqualTo(200);
        HttpExchange reply = EMULATOR.client().post(Pools.create("Any", "3"));
        assertThat(Pools.returnValue(reply)).isEqualTo(4097);
        assertThat(admin().faults()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(any.id());
            assertThat(r.matched()).as("the Get is not an Invoke").isEqualTo(1);
            assertThat(r.hits()).isEqualTo(1);
        });
    }
}
