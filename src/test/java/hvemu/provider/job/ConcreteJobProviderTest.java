package hvemu.provider.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import hvemu.cim.binding.CimBoolean;
import hvemu.cim.binding.CimUnsignedShort;
import hvemu.cim.binding.job.GetErrorExINPUT;
import hvemu.cim.binding.job.GetErrorExOUTPUT;
import hvemu.cim.binding.job.GetErrorINPUT;
import hvemu.cim.binding.job.GetErrorOUTPUT;
import hvemu.cim.binding.job.KillJobINPUT;
import hvemu.cim.binding.job.KillJobOUTPUT;
import hvemu.cim.binding.job.RequestStateChangeINPUT;
import hvemu.cim.binding.job.RequestStateChangeOUTPUT;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.job.JobEngine;
import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.repository.InMemoryInstanceRepository;
import hvemu.repository.InstanceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on its typed input, without XML: the return codes HTTP cannot reach (a job that cannot
 * be cancelled, a job gone meanwhile, internal failures, an error that cannot be written).
 */
class ConcreteJobProviderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private MofLoader.Model model;
    private InMemoryInstanceRepository repository;
    private JobEngine jobs;
    private ConcreteJobProvider provider;
    private ObjectPath service;

    @BeforeEach
    void load() {
        model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA), MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY));
        repository = new InMemoryInstanceRepository(model.schema(), model.instances());
        jobs = new JobEngine(new ManualClock(Instant.EPOCH), JobProgression.stepped(), repository, model.schema().namespace());
        provider = new ConcreteJobProvider(model.schema(), repository, jobs);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("CreationClassName", "Msvm_ResourcePoolConfigurationService");
        keys.put("Name", "poolcfgsvc");
        keys.put("SystemCreationClassName", "Msvm_ComputerSystem");
        keys.put("SystemName", "HVCLU01");
        service = ObjectPath.of(model.schema().namespace(), "Msvm_ResourcePoolConfigurationService", keys);
    }

    private ObjectPath submit(boolean cancellable) {
        JobEngine.Pending p = repository.update(changes -> jobs.prepare(changes,
                new JobEngine.Spec(150, "Job", service, List.of(), c -> List.of(), cancellable)));
        jobs.start(p);
        return p.job();
    }

    private static RequestStateChangeINPUT state(int requested) {
        RequestStateChangeINPUT in = new RequestStateChangeINPUT();
        CimUnsignedShort s = new CimUnsignedShort();
        s.setValue(requested);
        in.setRequestedState(s);
        return in;
    }

    private static KillJobINPUT kill(boolean delete) {
        KillJobINPUT in = new KillJobINPUT();
        CimBoolean b = new CimBoolean();
        b.setValue(delete);
        in.setDeleteOnKill(b);
        return in;
    }

    private long code(ObjectPath job, Object input) {
        Object out = provider.invoke(job, input, TIMEOUT);
        if (out instanceof RequestStateChangeOUTPUT r) {
            return r.getReturnValue().getValue();
        }
        return ((KillJobOUTPUT) out).getReturnValue().getValue();
    }

    @Test
    void refusesToStopAJobThatCannotBeCancelled() {
        ObjectPath job = submit(false);
        assertThat(code(job, state(4))).isEqualTo(4097);
        assertThat(code(job, state(5))).isEqualTo(4097);
        assertThat(code(job, kill(true))).isEqualTo(4);
        assertThat(repository.get(job).orElseThrow().get("JobState")).isEqualTo(2L);
        assertThat(jobs.activeJobs()).hasSize(1);
    }

    @Test
    void answersNotFoundForAJobGoneMeanwhile() {
        ObjectPath gone = jobs.jobPath("C9854C10-5CAF-4FC4-A092-16E0E8E4AED2");
        assertThat(code(gone, kill(false))).isEqualTo(7);
        assertThatThrownBy(() -> provider.invoke(gone, state(4), TIMEOUT)).isInstanceOf(CimException.class)
                .extracting(e -> ((CimException) e).status()).isEqualTo(CimStatus.NOT_FOUND);
        assertThatThrownBy(() -> provider.invoke(gone, new GetErrorINPUT(), TIMEOUT)).isInstanceOf(CimException.class);
    }

    @Test
    void answersUnknownWhenTheStoreFailsAndChangesNothing() {
        FlakyRepository flaky = new FlakyRepository(repository);
        JobEngine engine = new JobEngine(new ManualClock(Instant.EPOCH), JobProgression.stepped(), flaky,
                model.schema().namespace());
        ConcreteJobProvider onFlaky = new ConcreteJobProvider(model.schema(), flaky, engine);
        JobEngine.Pending p = flaky.update(changes -> engine.prepare(changes,
                new JobEngine.Spec(150, "Job", service, List.of(), c -> List.of())));
        engine.start(p);
        flaky.failing = true;
        assertThat(((RequestStateChangeOUTPUT) onFlaky.invoke(p.job(), state(4), TIMEOUT)).getReturnValue().getValue())
                .isEqualTo(2);
        assertThat(((KillJobOUTPUT) onFlaky.invoke(p.job(), kill(true), TIMEOUT)).getReturnValue().getValue()).isEqualTo(2);
        assertThat(repository.get(p.job()).orElseThrow().get("JobState")).isEqualTo(2L);
        assertThat(engine.activeJobs()).as("still running").hasSize(1);
    }

    @Test
    void answersFailedWhenTheErrorCannotBeWritten() {
        ObjectPath job = submit(true);
        jobs.fail(String.valueOf(job.key("InstanceID")), 6, "A bell \u0007 XML cannot carry.");
        GetErrorOUTPUT one = (GetErrorOUTPUT) provider.invoke(job, new GetErrorINPUT(), TIMEOUT);
        assertThat(one.getReturnValue().getValue()).isEqualTo(32768);
        assertThat(one.getError()).isNull();
        GetErrorExOUTPUT all = (GetErrorExOUTPUT) provider.invoke(job, new GetErrorExINPUT(), TIMEOUT);
        assertThat(all.getReturnValue().getValue()).isEqualTo(32768);
        assertThat(all.getErrors()).isEmpty();
    }

    @Test
    void servesOnlyItsOwnMethods() {
        assertThat(provider.invoke(submit(true), new Object(), TIMEOUT)).isNull();
        assertThat(provider.bindingNamespace()).endsWith("/Msvm_ConcreteJob");
    }

    /** A store whose updates fail once told to, as a store that rejects writes would. */
    private static final class FlakyRepository implements InstanceRepository {
        private final InstanceRepository inner;
        private volatile boolean failing;

        FlakyRepository(InstanceRepository inner) {
            this.inner = inner;
        }

        @Override
        public Optional<CimInstance> get(ObjectPath path) {
            return inner.get(path);
        }

        @Override
        public List<CimInstance> instancesOf(String className) {
            return inner.instancesOf(className);
        }

        @Override
        public List<CimInstance> referencing(ObjectPath target, String className) {
            return inner.referencing(target, className);
        }

        @Override
        public <T> T update(Function<Changes, T> work) {
            if (failing) {
                throw new IllegalStateException("the store rejected the write");
            }
            return inner.update(work);
        }
    }
}
