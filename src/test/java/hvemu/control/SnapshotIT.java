package hvemu.control;

import static hvemu.control.ModelCalls.createPool;
import static hvemu.control.ModelCalls.exists;
import static hvemu.control.ModelCalls.job;
import static hvemu.control.ModelCalls.pool;
import static hvemu.control.ModelCalls.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshots through HTTP: what is saved comes back (instances, and jobs with their states, steps and
 * timers), what came after goes, open enumerations end; names are listed, replaced, validated.
 */
class SnapshotIT {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.clock(CLOCK).jobs(JobProgression.stepped()));

    private static Admin admin() {
        return ModelCalls.admin(emulator);
    }

    @BeforeEach
    void reset() {
        admin().reset();
        admin().snapshots().forEach(admin()::deleteSnapshot);
    }

    @Test
    void restoresPoolsAndJobsAsSavedAndForgetsWhatCameAfter() {
        HttpExchange first = createPool(emulator, "First", Pools.processor(1, 0));
        admin().completeJob(job(first));
        HttpExchange running = createPool(emulator, "Running", Pools.processor(1, 1));
        admin().advanceJob(job(running));
        admin().saveSnapshot("base");

        HttpExchange later = createPool(emulator, "Later", Pools.processor(1, 2));
        admin().completeJob(job(later));
        admin().completeJob(job(running));
        ModelCalls.rename(emulator, pool(first), "Renamed");
        ModelCalls.deleteJob(emulator, job(first));
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(running))).isTrue();

        admin().restoreSnapshot("base");

        assertThat(exists(emulator, "Msvm_ResourcePool", pool(later))).as("made after the save").isFalse();
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(later))).isFalse();
        assertThat(property(emulator, "Msvm_ResourcePool", pool(first), "ElementName")).isEqualTo("First");
        assertThat(property(emulator, "Msvm_ConcreteJob", job(first), "JobState")).isEqualTo("7");
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(running))).as("its job had not completed").isFalse();
        assertThat(admin().jobs()).extracting(JobView::instanceId, JobView::jobState, JobView::percentComplete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(job(first), 7, 100),
                        org.assertj.core.groups.Tuple.tuple(job(running), 3, 0));
        assertThat(admin().instances("Msvm_AffectedJobElement", java.util.Map.of("ElementEffects", "2")))
                .as("the running job holds its processor again").hasSize(1);

        assertThat(admin().advanceJob(job(running)).jobState()).isEqualTo(4);
        assertThat(admin().advanceJob(job(running)).jobState()).isEqualTo(7);
        assertThat(property(emulator, "Msvm_ResourcePool", pool(running), "ElementName"))
                .as("the restored job completes with its method's effects").isEqualTo("Running");
        HttpExchange again = createPool(emulator, "Again", Pools.processor(1, 2));
        assertThat(admin().completeJob(job(again)).jobState()).as("the later pool's processor is free").isEqualTo(7);
    }

    @Test
    void restoringEndsOpenEnumerations() {
        admin().saveSnapshot("empty");
        String context = ModelCalls.openEnumeration(emulator);
        assertThat(ModelCalls.pull(emulator, context).status()).as("the context works until then").isEqualTo(200);
        String next = ModelCalls.openEnumeration(emulator);

        admin().restoreSnapshot("empty");

        ModelCalls.assertEnded(emulator, next);
    }

    @Test
    void keepsWhatRemainedOfEachTimer() {
        admin().jobMode("CreateResourcePool", "immediate");
        HttpExchange finished = createPool(emulator, "Finished", Pools.processor(2, 0));
        admin().jobMode("CreateResourcePool", "1m");
        HttpExchange timed = createPool(emulator, "Timed", Pools.processor(2, 1));
        CLOCK.advance(Duration.ofSeconds(10));
        admin().saveSnapshot("timers");
        CLOCK.advance(Duration.ofHours(1));
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(finished))).as("removed after 5 minutes").isFalse();

        admin().restoreSnapshot("timers");

        assertThat(property(emulator, "Msvm_ConcreteJob", job(timed), "JobState")).as("50 s left, as at the save")
                .isEqualTo("2");
        CLOCK.advance(Duration.ofSeconds(49));
        assertThat(property(emulator, "Msvm_ConcreteJob", job(timed), "JobState")).isEqualTo("4");
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(property(emulator, "Msvm_ConcreteJob", job(timed), "JobState")).isEqualTo("7");
        CLOCK.advance(Duration.ofMinutes(3).plusSeconds(59));
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(finished))).as("1 s of its 5 minutes left").isTrue();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(finished))).isFalse();
    }

    @Test
    void listsNamesInSaveOrderAndReplacesByName() {
        admin().saveSnapshot("a");
        admin().saveSnapshot("b.2_x-y");
        HttpExchange made = createPool(emulator, "InA", Pools.processor(2, 2));
        admin().completeJob(job(made));
        admin().saveSnapshot("a");
        assertThat(admin().snapshots()).containsExactly("b.2_x-y", "a");

        admin().restoreSnapshot("b.2_x-y");
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(made))).isFalse();
        admin().restoreSnapshot("a");
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(made))).as("the later save of a").isTrue();

        admin().deleteSnapshot("b.2_x-y");
        assertThat(admin().snapshots()).containsExactly("a");
        admin().reset();
        assertThat(admin().snapshots()).as("reset keeps snapshots").containsExactly("a");
    }

    @Test
    void unknownNamesAre404AndInvalidOnes400() {
        assertStatus(() -> admin().restoreSnapshot("nothing"), 404, "no snapshot named nothing");
        assertStatus(() -> admin().deleteSnapshot("nothing"), 404, "no snapshot named nothing");
        assertStatus(() -> admin().saveSnapshot("two words"), 400, "a snapshot name is 1 to 64");
        assertStatus(() -> admin().saveSnapshot("-dash"), 400, "\"-dash\"");
        assertStatus(() -> admin().saveSnapshot("x".repeat(65)), 400, "a snapshot name");
        assertStatus(() -> admin().restoreSnapshot("a*b"), 400, "a snapshot name");
        assertThat(admin().snapshots()).isEmpty();
    }

    @Test
    void answersWrongMethodsWithAllow() throws Exception {
        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.emulator().adminUri() + "/snapshots/x/restore")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.body()).contains("\"error\"");
    }

    private static void assertStatus(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
