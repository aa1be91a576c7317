package hvemu.job;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.repository.InMemoryInstanceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine without HTTP, under a clock the test moves: stopping jobs, the statuses of each state, and
 * removal by the values a finished job holds when it is due.
 */
class JobEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private ManualClock clock;
    private InMemoryInstanceRepository repository;
    private JobEngine jobs;
    private ObjectPath service;
    private ObjectPath device;
    private final AtomicInteger outcomes = new AtomicInteger();

    @BeforeEach
    void start() {
        MofLoader.Model model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA),
                MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY));
        clock = new ManualClock(T0);
        repository = new InMemoryInstanceRepository(model.schema(), model.instances());
        jobs = new JobEngine(clock, JobProgression.stepped(), repository, model.schema().namespace());
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("CreationClassName", "Msvm_ResourcePoolConfigurationService");
        keys.put("Name", "poolcfgsvc");
        keys.put("SystemCreationClassName", "Msvm_ComputerSystem");
        keys.put("SystemName", "HVCLU01");
        service = ObjectPath.of(model.schema().namespace(), "Msvm_ResourcePoolConfigurationService", keys);
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("SystemCreationClassName", "Msvm_ComputerSystem");
        dev.put("SystemName", "HV-NODE1");
        dev.put("CreationClassName", "Msvm_Memory");
        dev.put("DeviceID", "Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\0");
        device = ObjectPath.of(model.schema().namespace(), "Msvm_Memory", dev);
    }

    /** Submits a job that reserves the device; its outcome only counts that it ran. */
    private String submit(boolean cancellable) {
        JobEngine.Pending p = repository.update(changes -> jobs.prepare(changes, new JobEngine.Spec(150, "Test job",
                service, List.of(device), c -> {
                    outcomes.incrementAndGet();
                    return List.of();
                }, cancellable)));
        jobs.start(p);
        return (String) p.job().key("InstanceID");
    }

    private CimInstance job(String id) {
        return repository.get(jobs.jobPath(id)).orElse(null);
    }

    private boolean reserved(String id) {
        return repository.referencing(device, JobEngine.AFFECTED).stream()
                .anyMatch(l -> jobs.jobPath(id).matches((ObjectPath) l.get("AffectingElement")));
    }

    private boolean owned(String id) {
        return !repository.referencing(jobs.jobPath(id), JobEngine.OWNING).isEmpty();
    }

    private void put(String id, String property, Object value) {
        repository.update(changes -> changes.put(job(id).with(property, value)));
    }

    @Test
    void keepsEveryStatusTrueFromNewToCompleted() {
        String id = submit(true);
        assertStatus(id, 2, "Job is new", List.of(2L), 5L, true, 0L);
        jobs.advance(id);
        assertStatus(id, 3, "Job is starting", List.of(2L), 5L, true, 0L);
        jobs.advance(id);
        assertStatus(id, 4, "Job is running", List.of(2L), 5L, true, 50L);
        jobs.advance(id);
        assertStatus(id, 7, "Job completed successfully", List.of(2L, 17L), 5L, false, 100L);
        assertThat(job(id).get("ErrorCode")).isEqualTo(0L);
        assertThat(outcomes.get()).isEqualTo(1);
    }

    @Test
    void failsIntoExceptionWithItsStatuses() {
        String id = submit(true);
        jobs.advance(id);
        assertThat(jobs.fail(id, 6, "Gone.")).isTrue();
        assertStatus(id, 10, "Job failed", List.of(6L, 17L), 20L, false, 0L);
        assertThat(reserved(id)).isFalse();
    }

    @Test
    void terminatesARunningJobWithoutItsOutcomeAndFreesItsDevices() {
        String id = submit(true);
        jobs.advance(id);
        jobs.advance(id);
        clock.advance(Duration.ofSeconds(7));
        assertThat(reserved(id)).isTrue();

        assertThat(jobs.terminate(id.toLowerCase(), false)).isEqualTo(JobEngine.Stop.STOPPED);

        assertStatus(id, 8, "Job was terminated", List.of(10L, 17L), 5L, false, 50L);
        assertThat(job(id).get("TimeOfLastStateChange")).isEqualTo(CimDateTime.of(T0.plusSeconds(7)));
        assertThat(job(id).get("ElapsedTime")).isEqualTo(CimDateTime.interval(Duration.ofSeconds(7)));
        assertThat(job(id).get("ErrorSummaryDescription")).isEqualTo("Job terminated");
        assertThat(job(id).get("ErrorCode")).isNull();
        assertThat(reserved(id)).isFalse();
        assertThat(jobs.activeJobs()).isEmpty();
        assertThat(jobs.advance(id)).isFalse();
        assertThat(jobs.complete(id)).isFalse();
        clock.advance(Duration.ofSeconds(3));
        jobs.catchUp();
        assertThat(job(id).get("ElapsedTime")).as("frozen").isEqualTo(CimDateTime.interval(Duration.ofSeconds(7)));
        assertThat(outcomes.get()).isZero();
        assertThat(jobs.terminate(id, false)).isEqualTo(JobEngine.Stop.FINISHED);
        assertThat(jobs.terminate(id, true)).isEqualTo(JobEngine.Stop.FINISHED);
        assertThat(jobs.kill(id, true)).isEqualTo(JobEngine.Stop.FINISHED);
        assertThat(job(id).get("JobState")).as("unchanged by refused requests").isEqualTo(8L);
    }

    @Test
    void aTimedJobStoppedOnItsWayNeverCompletes() {
        jobs.progression(JobProgression.timed(Duration.ofSeconds(3)));
        String id = submit(true);
        clock.advance(Duration.ofMillis(1500));
        jobs.catchUp();
        assertThat(job(id).get("JobState")).isEqualTo(3L);
        assertThat(jobs.terminate(id, false)).isEqualTo(JobEngine.Stop.STOPPED);
        clock.advance(Duration.ofSeconds(10));
        jobs.catchUp();
        assertThat(job(id).get("JobState")).isEqualTo(8L);
        assertThat(job(id).get("ElapsedTime")).isEqualTo(CimDateTime.interval(Duration.ofMillis(500)));
        assertThat(outcomes.get()).isZero();
    }

    @Test
    void killsANewJobThatNeverStarted() {
        String id = submit(true);
        assertThat(jobs.terminate(id, true)).isEqualTo(JobEngine.Stop.STOPPED);
        assertStatus(id, 9, "Job was killed", List.of(12L, 17L), 5L, false, 0L);
        assertThat(job(id).get("StartTime")).isNull();
        assertThat(job(id).get("ElapsedTime")).isNull();
    }

    @Test
    void refusesJobsThatCannotBeCancelledOrDoNotExist() {
        String id = submit(false);
        jobs.advance(id);
        assertThat(jobs.terminate(id, false)).isEqualTo(JobEngine.Stop.NOT_CANCELLABLE);
        assertThat(jobs.kill(id, true)).isEqualTo(JobEngine.Stop.NOT_CANCELLABLE);
        assertThat(job(id).get("JobState")).isEqualTo(3L);
        assertThat(reserved(id)).isTrue();
        assertThat(jobs.activeJobs()).containsExactly(id);
        assertThat(jobs.terminate("C9854C10-5CAF-4FC4-A092-16E0E8E4AED2", false)).isEqualTo(JobEngine.Stop.NOT_FOUND);
    }

    @Test
    void killJobWithDeleteOnKillRemovesTheJobAndItsLinksAtOnce() {
        String id = submit(true);
        assertThat(jobs.kill(id, true)).isEqualTo(JobEngine.Stop.STOPPED);
        assertThat(job(id)).isNull();
        assertThat(owned(id)).isFalse();
        assertThat(reserved(id)).isFalse();
        jobs.catchUp();
        assertThat(jobs.terminate(id, false)).isEqualTo(JobEngine.Stop.NOT_FOUND);
    }

    @Test
    void killJobWithoutDeleteOnKillKeepsTheJobWhateverDeleteOnCompletionSays() {
        String id = submit(true);
        put(id, "DeleteOnCompletion", Boolean.TRUE);
        assertThat(jobs.kill(id, false)).isEqualTo(JobEngine.Stop.STOPPED);
        jobs.catchUp();
        assertThat(job(id)).as("DeleteOnKill takes precedence").isNotNull();
        clock.advance(Duration.ofMinutes(5));
        jobs.catchUp();
        assertThat(job(id)).isNull();
        assertThat(owned(id)).isFalse();
    }

    @Test
    void aTerminatedJobGoesAtOnceWithDeleteOnCompletion() {
        String id = submit(true);
        put(id, "DeleteOnCompletion", Boolean.TRUE);
        jobs.terminate(id, false);
        assertThat(job(id)).as("until the next catch-up").isNotNull();
        jobs.catchUp();
        assertThat(job(id)).isNull();
        assertThat(owned(id)).isFalse();
    }

    @Test
    void removesByTheValuesAJobHoldsAfterItFinished() {
        String shortened = submit(true);
        String lengthened = submit(true);
        String deleted = submit(true);
        String untouched = submit(true);
        jobs.complete(shortened);
        jobs.complete(lengthened);
        jobs.complete(deleted);
        jobs.complete(untouched);
        put(shortened, "TimeBeforeRemoval", CimDateTime.interval(Duration.ofSeconds(10)));
        put(lengthened, "TimeBeforeRemoval", CimDateTime.interval(Duration.ofMinutes(10)));
        put(deleted, "DeleteOnCompletion", Boolean.TRUE);

        jobs.catchUp();
        assertThat(job(deleted)).as("DeleteOnCompletion set after it finished").isNull();
        assertThat(owned(deleted)).isFalse();
        clock.advance(Duration.ofSeconds(10));
        jobs.catchUp();
        assertThat(job(shortened)).isNull();
        assertThat(job(untouched)).isNotNull();
        clock.advance(Duration.ofMinutes(5));
        jobs.catchUp();
        assertThat(job(untouched)).isNull();
        assertThat(job(lengthened)).as("kept for its new TimeBeforeRemoval").isNotNull();
        put(lengthened, "TimeBeforeRemoval", CimDateTime.interval(Duration.ofMinutes(20)));
        clock.advance(Duration.ofMinutes(5));
        jobs.catchUp();
        assertThat(job(lengthened)).as("lengthened again").isNotNull();
        clock.advance(Duration.ofMinutes(10));
        jobs.catchUp();
        assertThat(job(lengthened)).isNull();
        assertThat(owned(lengthened)).isFalse();
    }

    @Test
    void removesTheLinksOfAFinishedJobSomeoneElseDeleted() {
        String id = submit(true);
        jobs.complete(id);
        repository.update(changes -> changes.delete(jobs.jobPath(id)));
        assertThat(owned(id)).isTrue();
        jobs.catchUp();
        assertThat(owned(id)).isFalse();
    }

    private void assertStatus(String id, long state, String status, List<Long> operational, long health,
            boolean cancellable, long percent) {
        CimInstance j = job(id);
        assertThat(j.get("JobState")).isEqualTo(state);
        assertThat(j.get("JobStatus")).isEqualTo(status);
        assertThat(j.get("OperationalStatus")).isEqualTo(operational);
        assertThat(j.get("HealthState")).isEqualTo(health);
        assertThat(j.get("Cancellable")).isEqualTo(cancellable);
        assertThat(j.get("PercentComplete")).isEqualTo(percent);
    }
}
