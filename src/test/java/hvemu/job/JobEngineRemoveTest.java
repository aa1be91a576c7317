package hvemu.job;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.repository.InMemoryInstanceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JobEngine#remove}: a finished job goes at once with every link to it; a running or unknown one stays. */
class JobEngineRemoveTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));
    private InMemoryInstanceRepository repository;
    private JobEngine engine;
    private ObjectPath service;
    private ObjectPath device;

    @BeforeEach
    void load() {
        MofLoader.Model model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA),
                MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY));
        repository = new InMemoryInstanceRepository(model.schema(), model.instances());
        String ns = model.schema().namespace();
        engine = new JobEngine(clock, JobProgression.stepped(), repository, ns);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("CreationClassName", "Msvm_ResourcePoolConfigurationService");
        keys.put("Name", "poolcfgsvc");
        keys.put("SystemCreationClassName", "Msvm_ComputerSystem");
        keys.put("SystemName", "HVCLU01");
        service = ObjectPath.of(ns, "Msvm_ResourcePoolConfigurationService", keys);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("CreationClassName", "Msvm_Processor");
        d.put("DeviceID", "Microsoft:B637F347-6A0E-4DEC-AF52-BD70CB80A21D\\0\\0");
        d.put("SystemCreationClassName", "Msvm_ComputerSystem");
        d.put("SystemName", "HV-NODE1");
        device = ObjectPath.of(ns, "Msvm_Processor", d);
    }

    /** Starts a job that reserves the device and, on completion, marks it made ({5 Create}). */
    private ObjectPath start() {
        JobEngine.Pending pending = repository.update(changes -> engine.prepare(changes,
                new JobEngine.Spec(150, "Test", service, List.of(device), changes2 -> List.of(device))));
        engine.start(pending);
        return pending.job();
    }

    private static String id(ObjectPath job) {
        return (String) job.key("InstanceID");
    }

    private int links(ObjectPath job) {
        return repository.referencing(job, JobEngine.AFFECTED).size() + repository.referencing(job, JobEngine.OWNING).size();
    }

    @Test
    void removesAFinishedJobAndEveryLinkToIt() {
        ObjectPath job = start();
        assertThat(engine.complete(id(job))).isTrue();
        assertThat(links(job)).as("owner and {5 Create}").isEqualTo(2);

        assertThat(engine.remove(id(job).toLowerCase())).isTrue();

        assertThat(repository.get(job)).isEmpty();
        assertThat(links(job)).isZero();
        assertThat(repository.get(device)).as("the elements stay").isPresent();
        assertThat(engine.remove(id(job))).as("gone").isFalse();
        clock.advance(Duration.ofMinutes(10));
        engine.catchUp();
        assertThat(repository.instancesOf(JobEngine.JOB_CLASS)).isEmpty();
    }

    @Test
    void removesAFailedJob() {
        ObjectPath job = start();
        assertThat(engine.fail(id(job), 6, "broken")).isTrue();
        assertThat(engine.remove(id(job))).isTrue();
        assertThat(repository.get(job)).isEmpty();
        assertThat(links(job)).isZero();
    }

    @Test
    void keepsARunningJobAndItsReservations() {
        ObjectPath job = start();
        assertThat(engine.remove(id(job))).isFalse();
        assertThat(engine.advance(id(job))).isTrue();
        assertThat(engine.remove(id(job))).isFalse();
        assertThat(repository.get(job)).isPresent();
        assertThat(links(job)).as("owner and {2 Exclusive Use}").isEqualTo(2);
        assertThat(engine.activeJobs()).containsExactly(id(job));
    }

    @Test
    void answersFalseForAnUnknownJob() {
        assertThat(engine.remove("9D1C4A3E-0B52-4A8F-9C31-6F3A2B7C1E55")).isFalse();
    }
}
