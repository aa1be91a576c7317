package hvemu.provider.job;

import static hvemu.testsupport.Jobs.property;
import static hvemu.testsupport.Jobs.requestStateChange;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
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
 * Msvm_ConcreteJob.RequestStateChange through HTTP: 4 Terminate and 5 Kill stop a running
 * CreateResourcePool job, which then leaves nothing made, and every other return code of
 * docs/semantics.md ("Job control"). Jobs are stepped, so they run until a test moves them; each test
 * uses its own devices.
 */
class RequestStateChangeIT {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));
    private static final String INTERVAL = "<cim:Interval xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\">%s</cim:Interval>";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.clock(CLOCK).jobs(JobProgression.stepped()));

    private static long code(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Pools.returnValue(reply);
    }

    private static String jobOf(HttpExchange create) {
        return Pools.selector(create, "Job", "InstanceID");
    }

    @Test
    void terminateStopsARunningJobWhichLeavesNothingMade() {
        String device = Pools.processor(1, 0);
        HttpExchange create = Jobs.createPool(emulator, "Stopped", device);
        String job = jobOf(create);
        emulator.emulator().jobs().advance(job);
        emulator.emulator().jobs().advance(job);
        assertThat(property(emulator, job, "JobState")).isEqualTo("4");
        CLOCK.advance(Duration.ofSeconds(2));
        Instant stoppedAt = CLOCK.now();

        HttpExchange reply = emulator.client().post(requestStateChange(job, "4", null));

        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("//*[local-name()='RequestStateChange_OUTPUT']/*[local-name()='ReturnValue']")
                .isEqualTo("0");
        Xml.at(reply.body()).valueByXPath("namespace-uri(//*[local-name()='RequestStateChange_OUTPUT'])").isEqualTo(Jobs.URI);
        assertThat(property(emulator, job, "JobState")).isEqualTo("8");
        assertThat(property(emulator, job, "JobStatus")).isEqualTo("Job was terminated");
        assertThat(property(emulator, job, "OperationalStatus")).isEqualTo("10,17");
        assertThat(property(emulator, job, "HealthState")).isEqualTo("5");
        assertThat(property(emulator, job, "Cancellable")).isEqualTo("false");
        assertThat(property(emulator, job, "PercentComplete")).as("what it had done").isEqualTo("50");
        assertThat(property(emulator, job, "TimeOfLastStateChange")).isEqualTo(stoppedAt.toString());
        assertThat(property(emulator, job, "ElapsedTime")).isEqualTo("P0DT0H0M2S");
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(property(emulator, job, "ElapsedTime")).as("frozen once stopped").isEqualTo("P0DT0H0M2S");
        assertThat(emulator.emulator().jobs().complete(job)).as("its outcome never runs").isFalse();
        Jobs.assertLeftNothing(emulator, create, device);

        assertThat(code(requestStateChange(job, "4", null))).as("terminated already").isEqualTo(4097);
        assertThat(code(requestStateChange(job, "5", null))).isEqualTo(4097);
        assertThat(property(emulator, job, "JobState")).isEqualTo("8");
    }

    @Test
    void killStopsAJobStillNewWhichLeavesNothingMade() {
        String first = Pools.processor(1, 1);
        String second = Pools.processor(2, 1);
        HttpExchange create = Jobs.createPool(emulator, "Killed", first, second);
        String job = jobOf(create);

        assertThat(code(requestStateChange(job, "5", null))).isEqualTo(0);

        assertThat(property(emulator, job, "JobState")).isEqualTo("9");
        assertThat(property(emulator, job, "JobStatus")).isEqualTo("Job was killed");
        assertThat(property(emulator, job, "OperationalStatus")).isEqualTo("12,17");
        assertThat(property(emulator, job, "Cancellable")).isEqualTo("false");
        assertThat(property(emulator, job, "PercentComplete")).isEqualTo("0");
        assertThat(property(emulator, job, "StartTime")).as("it never started").isEmpty();
        Jobs.assertLeftNothing(emulator, create, first, second);
    }

    @Test
    void aStoppedJobIsRemovedLikeAnyFinishedJob() {
        HttpExchange create = Jobs.createPool(emulator, "Removed", Pools.processor(1, 2));
        String job = jobOf(create);
        assertThat(code(requestStateChange(job, "4", null))).isEqualTo(0);
        CLOCK.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(Jobs.exists(emulator, job)).as("kept for TimeBeforeRemoval").isTrue();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(Jobs.exists(emulator, job)).isFalse();
        HttpExchange owning = emulator.client().post(hvemu.testsupport.Envelopes.getWith(
                hvemu.testsupport.Envelopes.wmi("Msvm_OwningJobElement"), hvemu.testsupport.Envelopes.refSelector(
                        "OwnedElement", hvemu.testsupport.Envelopes.eprOf("Msvm_ConcreteJob", job))));
        assertThat(owning.status()).as("its links go with it").isEqualTo(500);
    }

    @Test
    void refusesJobsThatHaveFinished() {
        HttpExchange completed = Jobs.createPool(emulator, "Done", Pools.processor(1, 3));
        emulator.emulator().jobs().complete(jobOf(completed));
        assertThat(code(requestStateChange(jobOf(completed), "4", null))).isEqualTo(4097);
        assertThat(code(requestStateChange(jobOf(completed), "5", null))).isEqualTo(4097);
        assertThat(property(emulator, jobOf(completed), "JobState")).isEqualTo("7");
        assertThat(emulator.client().post(Pools.getOf(completed, "Pool")).status()).as("the pool stays").isEqualTo(200);

        HttpExchange failed = Jobs.createPool(emulator, "Failed", Pools.processor(1, 4));
        emulator.emulator().jobs().fail(jobOf(failed), 6, "The device stopped answering.");
        assertThat(code(requestStateChange(jobOf(failed), "5", null))).isEqualTo(4097);
        assertThat(property(emulator, jobOf(failed), "JobState")).isEqualTo("10");
    }

    @Test
    void answersNotSupportedForStatesAJobCannotBeAskedFor() {
        String job = jobOf(Jobs.createPool(emulator, "Running", Pools.processor(1, 5)));
        emulator.emulator().jobs().advance(job);
        assertThat(code(requestStateChange(job, "2", null))).as("Start").isEqualTo(1);
        assertThat(code(requestStateChange(job, "3", null))).as("Suspend").isEqualTo(1);
        assertThat(code(requestStateChange(job, "6", null))).as("Service").isEqualTo(1);
        assertThat(property(emulator, job, "JobState")).as("still starting").isEqualTo("3");
        assertThat(property(emulator, job, "Cancellable")).isEqualTo("true");
    }

    @Test
    void answersInvalidParameterForNoStateOrOneWithoutMeaning() {
        String job = jobOf(Jobs.createPool(emulator, "Running", Pools.processor(1, 6)));
        assertThat(code(requestStateChange(job, null, null))).as("no RequestedState").isEqualTo(5);
        assertThat(code(Jobs.invoke(job, "RequestStateChange", "<p:RequestedState"
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>"))).as("nil").isEqualTo(5);
        assertThat(code(Jobs.invoke(job, "RequestStateChange", ""))).as("an empty INPUT").isEqualTo(5);
        for (String state : new String[] {"0", "1", "7", "32767", "32768", "65535"}) {
            assertThat(code(requestStateChange(job, state, null))).as("RequestedState " + state).isEqualTo(5);
        }
        assertThat(property(emulator, job, "JobState")).isEqualTo("2");
    }

    @Test
    void answersTimeoutNotSupportedForAnyBoundAndIgnoresZero() {
        String job = jobOf(Jobs.createPool(emulator, "Bounded", Pools.processor(1, 7)));
        assertThat(code(requestStateChange(job, "4", String.format(INTERVAL, "PT30S")))).isEqualTo(4098);
        assertThat(code(requestStateChange(job, "4", "00000000000030.000000:000"))).as("CIM text").isEqualTo(4098);
        assertThat(code(requestStateChange(job, "4", "P0DT0H0M1S"))).as("bare xs:duration").isEqualTo(4098);
        assertThat(code(requestStateChange(job, "4", "<cim:Datetime xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\">"
                + "2026-11-24T12:30:00Z</cim:Datetime>"))).as("a timestamp").isEqualTo(4098);
        assertThat(property(emulator, job, "JobState")).as("nothing done").isEqualTo("2");
        assertThat(code(requestStateChange(job, "4", String.format(INTERVAL, "PT0S")))).as("zero: no bound").isEqualTo(0);
        assertThat(property(emulator, job, "JobState")).isEqualTo("8");

        String other = jobOf(Jobs.createPool(emulator, "Zero", Pools.processor(1, 8)));
        assertThat(code(requestStateChange(other, "5", "00000000000000.000000:000"))).isEqualTo(0);
        String nil = jobOf(Jobs.createPool(emulator, "Nil", Pools.processor(1, 9)));
        assertThat(code(Jobs.invoke(nil, "RequestStateChange", "<p:RequestedState>4</p:RequestedState><p:TimeoutPeriod"
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>"))).isEqualTo(0);
    }

    @Test
    void servesThePowerShellClientsDmtfForm() {
        HttpExchange create = Jobs.createPool(emulator, "Dmtf", Pools.processor(1, 10));
        String job = jobOf(create);
        HttpExchange reply = emulator.client().post(Jobs.invokeDmtf(job, "RequestStateChange",
                "<p:RequestedState xsi:type=\"cim:cimUnsignedShort\">4</p:RequestedState>"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("namespace-uri(//*[local-name()='RequestStateChange_OUTPUT'])").isEqualTo(Jobs.DMTF);
        assertThat(Pools.returnValue(reply)).isEqualTo(0);
        assertThat(property(emulator, job, "JobState")).isEqualTo("8");
    }

    @Test
    void faultsForValuesOfTheWrongTypeAndJobsThatDoNotExist() {
        String job = jobOf(Jobs.createPool(emulator, "Typed", Pools.processor(1, 11)));
        HttpExchange wrong = emulator.client().post(requestStateChange(job, "terminate", null));
        assertThat(wrong.status()).isEqualTo(500);
        Xml.at(wrong.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(wrong.body()).valueByXPath("//f:WSManFault/f:Message").contains("RequestedState is uint16");
        HttpExchange missing = emulator.client().post(requestStateChange("C9854C10-5CAF-4FC4-A092-16E0E8E4AED2", "4", null));
        assertThat(missing.status()).isEqualTo(500);
        Xml.at(missing.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
        assertThat(property(emulator, job, "JobState")).isEqualTo("2");
    }
}
