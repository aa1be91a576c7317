package hvemu.provider.job;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimInstance;
import hvemu.cim.cimxml.CimXml;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Msvm_ConcreteJob.GetError and GetErrorEx through HTTP: 0 for every job, with no error while it runs or
 * once it completed, and an embedded Msvm_Error as CIM-XML text for a job that failed, was terminated or
 * was killed. 32768 Failed (an error that cannot be written) cannot arise over HTTP: ConcreteJobProviderTest
 * shows it.
 */
class GetErrorIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b
            .clock(new ManualClock(Instant.parse("2026-11-24T12:00:00Z"))).jobs(JobProgression.stepped()));

    private static Schema schema;

    @BeforeAll
    static void load() {
        schema = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA), MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY))
                .schema();
    }

    private static HttpExchange call(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(Pools.returnValue(reply)).isEqualTo(0);
        return reply;
    }

    private static HttpExchange getError(String job) {
        return call(Jobs.invoke(job, "GetError", ""));
    }

    private static List<String> getErrorEx(String job) {
        HttpExchange reply = call(Jobs.invoke(job, "GetErrorEx", ""));
        return reply.texts("//*[local-name()='GetErrorEx_OUTPUT']/*[local-name()='Errors']");
    }

    /** Returns the error text of a GetError reply, asserting there is one. */
    private static String error(HttpExchange reply) {
        Xml.at(reply.body()).doesNotHaveXPath("//*[local-name()='Error']/@*[local-name()='nil']");
        List<String> texts = reply.texts("//*[local-name()='GetError_OUTPUT']/*[local-name()='Error']");
        assertThat(texts).hasSize(1);
        return texts.get(0);
    }

    private static void assertNoError(String job) {
        HttpExchange reply = getError(job);
        Xml.at(reply.body()).valueByXPath("//*[local-name()='GetError_OUTPUT']/*[local-name()='Error']/@*[local-name()='nil']")
                .isEqualTo("true");
        assertThat(getErrorEx(job)).as("an empty array: no element").isEmpty();
        Xml.at(emulator.client().post(Jobs.invoke(job, "GetErrorEx", "")).body())
                .doesNotHaveXPath("//*[local-name()='Errors']");
    }

    private static String jobOf(HttpExchange create) {
        return Pools.selector(create, "Job", "InstanceID");
    }

    @Test
    void reportsNoErrorWhileAJobRunsNorOnceItCompleted() {
        String job = jobOf(Jobs.createPool(emulator, "Fine", Pools.processor(1, 12)));
        assertNoError(job);
        emulator.emulator().jobs().advance(job);
        emulator.emulator().jobs().advance(job);
        assertNoError(job);
        emulator.emulator().jobs().complete(job);
        assertNoError(job);
    }

    @Test
    void reportsTheErrorOfAFailedJobAsAnEmbeddedMsvmError() {
        String job = jobOf(Jobs.createPool(emulator, "Doomed", Pools.processor(1, 13)));
        emulator.emulator().jobs().advance(job);
        emulator.emulator().jobs().fail(job, 6, "Disk <2> & \"its\" controller stopped answering.");

        String text = error(getError(job));

        Xml.at(text).valueByXPath("/INSTANCE/@CLASSNAME").isEqualTo("Msvm_Error");
        Xml.at(text).valueByXPath("/INSTANCE/PROPERTY[@NAME='Message']/@TYPE").isEqualTo("string");
        Xml.at(text).valueByXPath("/INSTANCE/PROPERTY[@NAME='Message']/VALUE")
                .isEqualTo("Disk <2> & \"its\" controller stopped answering.");
        Xml.at(text).valueByXPath("/INSTANCE/PROPERTY.ARRAY[@NAME='MessageArguments']/VALUE.ARRAY/VALUE").isEqualTo("6");
        CimInstance e = CimXml.read(schema, text);
        assertThat(e.get("Message")).isEqualTo(Jobs.property(emulator, job, "ErrorDescription"));
        assertThat(e.get("MessageID")).isEqualTo("HVEMU0001");
        assertThat(e.get("OwningEntity")).isEqualTo("hvemu");
        assertThat(e.get("PerceivedSeverity")).as("Major").isEqualTo(5L);
        assertThat(e.get("ErrorType")).as("Software Error").isEqualTo(4L);
        assertThat(e.get("CIMStatusCode")).isEqualTo(1L);
        assertThat(e.get("CIMStatusCodeDescription")).isEqualTo("CIM_ERR_FAILED");
        assertThat(e.get("ErrorSource")).isEqualTo("root/HyperVCluster/v2:Msvm_ConcreteJob.InstanceID=\"" + job + "\"");
        assertThat(e.get("ErrorSourceFormat")).as("CIMObjectPath").isEqualTo(2L);
        assertThat(getErrorEx(job)).containsExactly(text);
    }

    @Test
    void reportsThatAStoppedJobWasTerminatedOrKilled() {
        String terminated = jobOf(Jobs.createPool(emulator, "Terminated", Pools.processor(1, 14)));
        call(Jobs.requestStateChange(terminated, "4", null));
        CimInstance t = CimXml.read(schema, error(getError(terminated)));
        assertThat(t.get("MessageID")).isEqualTo("HVEMU0002");
        assertThat(t.get("OtherErrorType")).isEqualTo("Job terminated");
        assertThat(t.get("PerceivedSeverity")).as("Information").isEqualTo(2L);
        assertThat(t.get("Message")).isEqualTo(Jobs.property(emulator, terminated, "ErrorDescription"))
                .isEqualTo("The job was terminated at a client's request before it completed.");
        assertThat(getErrorEx(terminated)).hasSize(1);

        String killed = jobOf(Jobs.createPool(emulator, "Killed", Pools.processor(1, 15)));
        call(Jobs.invoke(killed, "KillJob", ""));
        CimInstance k = CimXml.read(schema, error(getError(killed)));
        assertThat(k.get("MessageID")).isEqualTo("HVEMU0003");
        assertThat(k.get("OtherErrorType")).isEqualTo("Job killed");
        assertThat(getErrorEx(killed)).hasSize(1);
    }

    @Test
    void servesTheDmtfFormAndTheBaseClassUri() {
        String job = jobOf(Jobs.createPool(emulator, "Dmtf", Pools.processor(2, 9)));
        emulator.emulator().jobs().fail(job, 4, "Node down.");
        HttpExchange dmtf = call(Jobs.invokeDmtf(job, "GetError", ""));
        Xml.at(dmtf.body()).valueByXPath("namespace-uri(//*[local-name()='GetError_OUTPUT'])").isEqualTo(Jobs.DMTF);
        assertThat(CimXml.read(schema, error(dmtf)).get("Message")).isEqualTo("Node down.");
        String base = Envelopes.wmi("CIM_ConcreteJob");
        HttpExchange viaBase = call(Jobs.invoke(job, "GetError", "").replace(Jobs.URI, base));
        Xml.at(viaBase.body()).valueByXPath("namespace-uri(//*[local-name()='GetError_OUTPUT'])").isEqualTo(base);
        assertThat(error(viaBase)).isEqualTo(error(getError(job)));
    }

    @Test
    void refusesParametersItDoesNotTake() {
        String job = jobOf(Jobs.createPool(emulator, "Strict", Pools.processor(2, 10)));
        HttpExchange reply = emulator.client().post(Jobs.invoke(job, "GetError", "<p:Error>x</p:Error>"));
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains("is an output, not an input");
    }
}
