package hvemu.job;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A timed job under a clock the test moves: New, Starting, Running, Completed, with its timestamps,
 * then removed after TimeBeforeRemoval; and a failed job ends in Exception and leaves nothing made.
 */
class JobLifecycleIT {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.clock(CLOCK)
            .jobs(JobProgression.timed(Duration.ofSeconds(3))));

    private static String job(HttpExchange invoke, String property) {
        HttpExchange reply = emulator.client().post(Pools.getOf(invoke, "Job"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Xml.at(reply.body()).valueByXPath("//*[local-name()='" + property + "']").actual();
    }

    @Test
    void movesThroughItsStatesByTheClockAndIsRemovedAfterTimeBeforeRemoval() {
        Instant t0 = CLOCK.now();
        HttpExchange invoke = emulator.client().post(Pools.create("Timed", "3", Pools.processor(2, 0)));
        assertThat(Pools.returnValue(invoke)).isEqualTo(4096);
        assertThat(job(invoke, "JobState")).isEqualTo("2");
        assertThat(job(invoke, "PercentComplete")).isEqualTo("0");
        assertThat(job(invoke, "TimeSubmitted")).isEqualTo(t0.toString());
        assertThat(job(invoke, "TimeBeforeRemoval")).isEqualTo("P0DT0H5M0S");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(job(invoke, "JobState")).isEqualTo("3");
        assertThat(job(invoke, "StartTime")).isEqualTo(t0.plusSeconds(1).toString());
        assertThat(job(invoke, "TimeOfLastStateChange")).isEqualTo(t0.plusSeconds(1).toString());

        CLOCK.advance(Duration.ofMillis(1500));
        assertThat(job(invoke, "JobState")).isEqualTo("4");
        assertThat(job(invoke, "PercentComplete")).isEqualTo("50");
        assertThat(job(invoke, "ElapsedTime")).as("kept current between steps").isEqualTo("P0DT0H0M1.5S");
        assertThat(emulator.client().post(Pools.getOf(invoke, "Pool")).status()).isEqualTo(500);

        CLOCK.advance(Duration.ofMillis(500));
        assertThat(job(invoke, "JobState")).isEqualTo("7");
        assertThat(job(invoke, "PercentComplete")).isEqualTo("100");
        assertThat(job(invoke, "ErrorCode")).isEqualTo("0");
        assertThat(job(invoke, "ElapsedTime")).isEqualTo("P0DT0H0M2S");
        assertThat(job(invoke, "TimeOfLastStateChange")).isEqualTo(t0.plusSeconds(3).toString());
        assertThat(emulator.client().post(Pools.getOf(invoke, "Pool")).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(emulator.client().post(Pools.getOf(invoke, "Job")).status()).as("removed").isEqualTo(500);
        assertThat(emulator.client().post(Pools.getOf(invoke, "Pool")).status()).as("the pool stays").isEqualTo(200);
        assertThat(CLOCK.now()).isEqualTo(t0.plusSeconds(303));
    }

    @Test
    void failsIntoExceptionAndReleasesItsDevices() {
        HttpExchange invoke = emulator.client().post(Pools.create("Doomed", "3", Pools.processor(2, 1)));
        String id = Pools.selector(invoke, "Job", "InstanceID");
        assertThat(emulator.emulator().jobs().fail(id, 6, "The device stopped answering.")).isTrue();
        assertThat(job(invoke, "JobState")).isEqualTo("10");
        assertThat(job(invoke, "ErrorCode")).isEqualTo("6");
        assertThat(job(invoke, "ErrorDescription")).isEqualTo("The device stopped answering.");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(emulator.client().post(Pools.getOf(invoke, "Pool")).status()).as("no pool").isEqualTo(500);
        assertThat(Pools.returnValue(emulator.client().post(Pools.create("Again", "3", Pools.processor(2, 1)))))
                .as("the device is free again").isEqualTo(4096);
    }
}
