package hvemu.job;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.repository.InMemoryInstanceRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jobs prepared within a {@link JobEngine#failing} scope: where they fail, with what, and what they leave. */
class JobEngineFailingTest {
    private InMemoryInstanceRepository repository;
    private JobEngine jobs;
    private ObjectPath service;
    private ObjectPath device;
    private final AtomicInteger outcomes = new AtomicInteger();

    @BeforeEach
    void start() {
        MofLoader.Model model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA),
                MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY));
        repository = new InMemoryInstanceRepository(model.schema(), model.instances());
        jobs = new JobEngine(new ManualClock(Instant.parse("2026-11-25T12:00:00Z")), JobProgression.stepped(),
                repository, model.schema().namespace());
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

    private String submit() {
        JobEngine.Pending p = repository.update(changes -> jobs.prepare(changes, new JobEngine.Spec(150, "Test job",
                service, List.of(device), c -> {
                    outcomes.incrementAndGet();
                    return List.of();
                })));
        jobs.start(p);
        return (String) p.job().key("InstanceID");
    }

    private CimInstance job(String id) {
        return repository.get(jobs.jobPath(id)).orElseThrow();
    }

    private boolean reserved() {
        return !repository.referencing(device, JobEngine.AFFECTED).isEmpty();
    }

    /** Steps: Starting at 0%, Running at 50%, Completed at 100%; the job fails at the first that reaches atPercent. */
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 2", "50, 2", "51, 3", "100, 3"})
    void failsAtTheStepThatReachesItsPercentage(int atPercent, int failingStep) {
        String id;
        try (JobEngine.Scope scope = jobs.failing(new JobFailure(32768, "Injected.", atPercent))) {
            id = submit();
        }
        for (int step = 1; step < failingStep; step++) {
            jobs.advance(id);
            assertThat(job(id).get("JobState")).as("step %d", step).isIn((long) JobEngine.STARTING, (long) JobEngine.RUNNING);
        }
        assertThat(reserved()).isTrue();
        jobs.advance(id);
        CimInstance failed = job(id);
        assertThat(failed.get("JobState")).isEqualTo((long) JobEngine.EXCEPTION);
        assertThat(failed.get("ErrorCode")).isEqualTo(32768L);
        assertThat(failed.get("ErrorDescription")).isEqualTo("Injected.");
        assertThat(failed.get("PercentComplete")).isEqualTo((long) atPercent);
        assertThat(outcomes.get()).as("its outcome never ran").isZero();
        assertThat(reserved()).as("its device is free").isFalse();
        assertThat(jobs.activeJobs()).isEmpty();
    }

    @Test
    void jobsPreparedOutsideTheScopeRunTheirCourse() {
        try (JobEngine.Scope scope = jobs.failing(new JobFailure(1, "Injected.", 100))) {
            assertThat(scope).isNotNull();
        }
        String id = submit();
        jobs.complete(id);
        assertThat(job(id).get("JobState")).isEqualTo((long) JobEngine.COMPLETED);
        assertThat(outcomes.get()).isEqualTo(1);
    }

    @Test
    void anInnerScopeGivesWayToTheOuterOneWhenItCloses() {
        String id;
        try (JobEngine.Scope outer = jobs.failing(new JobFailure(7, "Outer.", 100))) {
            try (JobEngine.Scope inner = jobs.failing(new JobFailure(8, "Inner.", 100))) {
                assertThat(inner).isNotNull();
            }
            id = submit();
        }
        jobs.complete(id);
        assertThat(job(id).get("ErrorCode")).isEqualTo(7L);
    }
}
