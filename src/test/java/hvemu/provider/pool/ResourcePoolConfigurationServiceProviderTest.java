package hvemu.provider.pool;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.job.JobEngine;
import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.cim.binding.CimString;
import hvemu.cim.binding.service.CreateResourcePoolINPUT;
import hvemu.cim.binding.service.CreateResourcePoolOUTPUT;
import hvemu.repository.InMemoryInstanceRepository;
import hvemu.repository.InstanceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider on its typed input, without XML: an internal failure answers 2 and leaves nothing; the ResourceType rules. */
class ResourcePoolConfigurationServiceProviderTest {
    private MofLoader.Model model;
    private ObjectPath service;

    @BeforeEach
    void load() {
        model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA), MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY));
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("CreationClassName", "Msvm_ResourcePoolConfigurationService");
        keys.put("Name", "poolcfgsvc");
        keys.put("SystemCreationClassName", "Msvm_ComputerSystem");
        keys.put("SystemName", "HVCLU01");
        service = ObjectPath.of(model.schema().namespace(), "Msvm_ResourcePoolConfigurationService", keys);
    }

    private static CreateResourcePoolINPUT create(String name, String type) {
        CreateResourcePoolINPUT in = new CreateResourcePoolINPUT();
        CimString n = new CimString();
        n.setValue(name);
        in.setElementName(n);
        CimString t = new CimString();
        t.setValue(type);
        in.setResourceType(t);
        return in;
    }

    /** A repository whose n-th update fails, as a store that rejects a write would. */
    private static final class FailingRepository implements InstanceRepository {
        private final InstanceRepository inner;
        private final AtomicInteger updates = new AtomicInteger();
        private final int failing;

        FailingRepository(InstanceRepository inner, int failing) {
            this.inner = inner;
            this.failing = failing;
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
            return inner.update(changes -> {
                T result = work.apply(changes);
                if (updates.incrementAndGet() == failing) {
                    throw new IllegalStateException("the store rejected the write");
                }
                return result;
            });
        }
    }

    @Test
    void answersUnknownWhenTheStoreFailsAndMakesNothing() {
        InMemoryInstanceRepository store = new InMemoryInstanceRepository(model.schema(), model.instances());
        FailingRepository failing = new FailingRepository(store, 2);
        JobEngine jobs = new JobEngine(new ManualClock(Instant.EPOCH), JobProgression.immediate(), failing,
                model.schema().namespace());
        var provider = new ResourcePoolConfigurationServiceProvider(model.schema(), failing, jobs);
        int before = store.instancesOf("CIM_ManagedElement").size();

        CreateResourcePoolOUTPUT result = (CreateResourcePoolOUTPUT) provider.invoke(service, create("P", "4"),
                Duration.ofSeconds(60));

        assertThat(result.getReturnValue().getValue()).isEqualTo(2);
        assertThat(result.getJob()).isNull();
        assertThat(result.getPool()).isNull();
        assertThat(store.instancesOf("CIM_ManagedElement")).hasSize(before);
        assertThat(store.instancesOf("Msvm_ConcreteJob")).isEmpty();
        assertThat(jobs.activeJobs()).isEmpty();
    }

    @Test
    void readsResourceTypesInTheirCanonicalAndLenientForms() {
        assertThat(ResourcePoolRules.parseResourceType("4")).isEqualTo(4);
        assertThat(ResourcePoolRules.parseResourceType(" 33 ")).isEqualTo(33);
        assertThat(ResourcePoolRules.parseResourceType("0xFCFC")).isEqualTo(64764);
        assertThat(ResourcePoolRules.parseResourceType("disk drive")).isEqualTo(17);
        assertThat(ResourcePoolRules.parseResourceType("65536")).isEqualTo(-1);
        assertThat(ResourcePoolRules.parseResourceType("Memoryish")).isEqualTo(-1);
        assertThat(ResourcePoolRules.isPoolable(1)).isFalse();
        assertThat(ResourcePoolRules.isPoolable(32769)).isTrue();
        assertThat(ResourcePoolRules.provides(model.schema(), "Msvm_ExternalEthernetPort", 10)).isTrue();
        assertThat(ResourcePoolRules.provides(model.schema(), "Msvm_ExternalEthernetPort", 33)).isTrue();
        assertThat(ResourcePoolRules.provides(model.schema(), "Msvm_Memory", 19)).as("most derived class decides").isFalse();
    }
}
