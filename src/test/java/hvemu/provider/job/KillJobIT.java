package hvemu.provider.job;

import static hvemu.testsupport.Jobs.property;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Msvm_ConcreteJob.KillJob (deprecated) through HTTP: it kills a running CreateResourcePool job, which
 * leaves nothing made; DeleteOnKill TRUE removes the job at once; a finished job is 4 Failed (its
 * ValueMap has no 4097). 7 Not Found and 2 Unknown cannot arise over HTTP (an unknown job is a fault
 * before the method runs): ConcreteJobProviderTest shows them.
 */
class KillJobIT {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.clock(CLOCK).jobs(JobProgression.stepped()));

    private static String killJob(String job, String deleteOnKill) {
        return Jobs.invoke(job, "KillJob", deleteOnKill == null ? "" : "<p:DeleteOnKill>" + deleteOnKill + "</p:DeleteOnKill>");
    }

    private static long code(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Pools.returnValue(reply);
    }

    private static String jobOf(HttpExchange create) {
        return Pools.selector(create, "Job", "InstanceID");
    }

    private static boolean owned(String job) {
        return emulator.client().post(Envelopes.getWith(Envelopes.wmi("Msvm_OwningJobElement"),
                Envelopes.refSelector("OwningElement", "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address>"
                        + "<a:ReferenceParameters><w:ResourceURI>" + Envelopes.wmi("Msvm_ResourcePoolConfigurationService")
                        + "</w:ResourceURI><w:SelectorSet>"
                        + "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
                        + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
                        + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                        + "<w:Selector Name=\"SystemName\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>")
                        + Envelopes.refSelector("OwnedElement", Envelopes.eprOf("Msvm_ConcreteJob", job)))).status() == 200;
    }

    @Test
    void killsARunningJobWhichLeavesNothingMadeAndIsKeptForTimeBeforeRemoval() {
        String device = Pools.processor(2, 0);
        HttpExchange create = Jobs.createPool(emulator, "Killed", device);
        String job = jobOf(create);
        emulator.emulator().jobs().advance(job);
        emulator.emulator().jobs().advance(job);

        HttpExchange reply = emulator.client().post(killJob(job, null));

        Xml.at(reply.body()).valueByXPath("//*[local-name()='KillJob_OUTPUT']/*[local-name()='ReturnValue']").isEqualTo("0");
        assertThat(property(emulator, job, "JobState")).isEqualTo("9");
        assertThat(property(emulator, job, "JobStatus")).isEqualTo("Job was killed");
        assertThat(property(emulator, job, "OperationalStatus")).isEqualTo("12,17");
        assertThat(property(emulator, job, "Cancellable")).isEqualTo("false");
        assertThat(property(emulator, job, "ErrorSummaryDescription")).isEqualTo("Job killed");
        assertThat(owned(job)).isTrue();
        Jobs.assertLeftNothing(emulator, create, device);
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(Jobs.exists(emulator, job)).isFalse();
        assertThat(owned(job)).isFalse();
    }

    @Test
    void deleteOnKillRemovesTheJobAndItsLinksAtOnce() {
        String device = Pools.processor(2, 1);
        HttpExchange create = Jobs.createPool(emulator, "Deleted", device);
        String job = jobOf(create);
        emulator.emulator().jobs().advance(job);

        assertThat(code(killJob(job, "true"))).isEqualTo(0);

        assertThat(Jobs.exists(emulator, job)).isFalse();
        assertThat(owned(job)).isFalse();
        Jobs.assertLeftNothing(emulator, create, device);
        HttpExchange again = emulator.client().post(killJob(job, "true"));
        assertThat(again.status()).as("the job is gone").isEqualTo(500);
        Xml.at(again.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
    }

    @Test
    void deleteOnKillFalseOrNilKeepsTheJob() {
        String falseJob = jobOf(Jobs.createPool(emulator, "False", Pools.processor(2, 2)));
        assertThat(code(killJob(falseJob, "false"))).isEqualTo(0);
        assertThat(property(emulator, falseJob, "JobState")).isEqualTo("9");
        String nilJob = jobOf(Jobs.createPool(emulator, "Nil", Pools.processor(2, 3)));
        assertThat(code(Jobs.invoke(nilJob, "KillJob", "<p:DeleteOnKill xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:nil=\"true\"/>"))).isEqualTo(0);
        assertThat(property(emulator, nilJob, "JobState")).isEqualTo("9");
    }

    @Test
    void answersFailedForJobsThatHaveFinishedAndChangesNothing() {
        HttpExchange completed = Jobs.createPool(emulator, "Done", Pools.processor(2, 4));
        emulator.emulator().jobs().complete(jobOf(completed));
        assertThat(code(killJob(jobOf(completed), "true"))).isEqualTo(4);
        assertThat(property(emulator, jobOf(completed), "JobState")).as("not deleted either").isEqualTo("7");
        assertThat(emulator.client().post(Pools.getOf(completed, "Pool")).status()).isEqualTo(200);

        HttpExchange failed = Jobs.createPool(emulator, "Failed", Pools.processor(2, 5));
        emulator.emulator().jobs().fail(jobOf(failed), 6, "The device stopped answering.");
        assertThat(code(killJob(jobOf(failed), null))).isEqualTo(4);
        assertThat(property(emulator, jobOf(failed), "JobState")).isEqualTo("10");

        String killed = jobOf(Jobs.createPool(emulator, "Twice", Pools.processor(2, 6)));
        assertThat(code(killJob(killed, null))).isEqualTo(0);
        assertThat(code(killJob(killed, null))).as("killed already").isEqualTo(4);
    }

    @Test
    void servesThePowerShellClientsDmtfForm() {
        String job = jobOf(Jobs.createPool(emulator, "Dmtf", Pools.processor(2, 7)));
        HttpExchange reply = emulator.client().post(Jobs.invokeDmtf(job, "KillJob",
                "<p:DeleteOnKill xsi:type=\"cim:cimBoolean\">false</p:DeleteOnKill>"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("namespace-uri(//*[local-name()='KillJob_OUTPUT'])").isEqualTo(Jobs.DMTF);
        assertThat(Pools.returnValue(reply)).isEqualTo(0);
        assertThat(property(emulator, job, "JobState")).isEqualTo("9");
    }

    @Test
    void faultsForADeleteOnKillThatIsNotABoolean() {
        String job = jobOf(Jobs.createPool(emulator, "Typed", Pools.processor(2, 8)));
        HttpExchange reply = emulator.client().post(killJob(job, "yes"));
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains("DeleteOnKill is boolean");
        assertThat(property(emulator, job, "JobState")).isEqualTo("2");
    }
}
