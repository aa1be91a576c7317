package hvemu.control;

import static hvemu.control.ModelCalls.createPool;
import static hvemu.control.ModelCalls.exists;
import static hvemu.control.ModelCalls.job;
import static hvemu.control.ModelCalls.pool;
import static hvemu.control.ModelCalls.property;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /hvemu/admin/reset}: back to the topology loaded at start, with every pool, job, link and
 * enumeration context made since gone, what was changed or deleted back, the job modes those given at start,
 * and the registered stores emptied. A fresh emulator per test.
 */
class ResetIT {
    private static final List<String> LINKS = List.of("Msvm_ConcreteComponent", "Msvm_HostedResourcePool",
            "Msvm_AffectedJobElement", "Msvm_OwningJobElement", "Msvm_ServiceAffectsElement");

    @RegisterExtension
    final RunningEmulator emulator = RunningEmulator.with(b -> b
            .clock(new ManualClock(Instant.parse("2026-11-24T12:00:00Z"))).jobs(JobProgression.stepped()));

    private Admin admin() {
        return ModelCalls.admin(emulator);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("CIM_ResourcePool", admin().instances("CIM_ResourcePool").size());
        counts.put("Msvm_ConcreteJob", admin().instances("Msvm_ConcreteJob").size());
        LINKS.forEach(c -> counts.put(c, admin().instances(c).size()));
        return counts;
    }

    @Test
    void emptiesPoolsJobsLinksAndEnumerations() {
        Map<String, Integer> atStart = counts();
        assertThat(atStart).containsEntry("Msvm_ConcreteJob", 0).containsEntry("Msvm_AffectedJobElement", 0);
        HttpExchange done = createPool(emulator, "Done", Pools.processor(1, 0));
        admin().completeJob(job(done));
        HttpExchange running = createPool(emulator, "Running", Pools.processor(1, 1));
        admin().advanceJob(job(running));
        String context = ModelCalls.openEnumeration(emulator);
        assertThat(counts()).isNotEqualTo(atStart);
        assertThat(admin().jobs()).hasSize(2);

        admin().reset();

        assertThat(counts()).isEqualTo(atStart);
        assertThat(admin().jobs()).isEmpty();
        assertThat(emulator.emulator().jobs().activeJobs()).as("the engine forgot the running job").isEmpty();
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(done))).isFalse();
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(running))).isFalse();
        ModelCalls.assertEnded(emulator, context);
        HttpExchange again = createPool(emulator, "Again", Pools.processor(1, 0), Pools.processor(1, 1));
        assertThat(admin().completeJob(job(again)).jobState()).as("the devices are free again").isEqualTo(7);
    }

    @Test
    void bringsBackWhatWasChangedOrDeleted() {
        HttpExchange made = createPool(emulator, "Kept", Pools.processor(2, 0));
        admin().completeJob(job(made));
        ((LocalAdmin) emulator.emulator().admin()).markStart();
        ModelCalls.rename(emulator, pool(made), "Renamed");
        ModelCalls.deleteJob(emulator, job(made));
        assertThat(property(emulator, "Msvm_ResourcePool", pool(made), "ElementName")).isEqualTo("Renamed");
        assertThat(exists(emulator, "Msvm_ConcreteJob", job(made))).isFalse();
        String service = "Resource Pool Configuration Service";
        HttpExchange put = emulator.client().post(Envelopes.transfer(Envelopes.PUT, Pools.WMI + Pools.SERVICE,
                "<p:Msvm_ResourcePoolConfigurationService xmlns:p=\"" + Envelopes.wmi("Msvm_ResourcePoolConfigurationService")
                        + "\"><p:ElementName>Changed</p:ElementName></p:Msvm_ResourcePoolConfigurationService>",
                "CreationClassName", "Msvm_ResourcePoolConfigurationService", "Name", "poolcfgsvc",
                "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HVCLU01"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        admin().reset();

        assertThat(property(emulator, "Msvm_ResourcePool", pool(made), "ElementName")).isEqualTo("Kept");
        assertThat(property(emulator, "Msvm_ConcreteJob", job(made), "JobState")).isEqualTo("7");
        assertThat(admin().jobs()).singleElement().satisfies(j -> {
            assertThat(j.method()).isEqualTo("CreateResourcePool");
            assertThat(j.mode()).isEqualTo("manual");
        });
        assertThat(admin().instances("CIM_ResourcePoolConfigurationService", Map.of("ElementName", service)))
                .hasSize(1);
    }

    @Test
    void putsTheJobModesBack() {
        admin().jobMode("CreateResourcePool", "immediate");
        admin().jobMode("*", "2s");
        assertThat(admin().jobModes()).containsExactly(Map.entry("*", "2s"), Map.entry("CreateResourcePool", "immediate"));

        admin().reset();

        assertThat(admin().jobModes()).containsExactly(Map.entry("*", "manual"));
        HttpExchange created = createPool(emulator, "Stepped", Pools.processor(1, 2));
        assertThat(property(emulator, "Msvm_ConcreteJob", job(created), "JobState")).as("manual again").isEqualTo("2");
    }

    @Test
    void emptiesTheJournalAndTheFaultRules() {
        admin().addFault(new FaultRule(null, new FaultRule.Match(null, null, "CreateResourcePool", null), null,
                new FaultRule.Effect(6L, null, null, null, null, null), 0, 0));
        assertThat(emulator.client().post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        assertThat(admin().journal(JournalQuery.all())).isNotEmpty();

        admin().reset();

        assertThat(admin().faults()).isEmpty();
        assertThat(admin().journal(JournalQuery.all())).isEmpty();
        HttpExchange created = createPool(emulator, "AfterReset", Pools.processor(1, 2));
        assertThat(created.body()).as("the rule is gone").doesNotContain("<p:ReturnValue>6</p:ReturnValue>");
    }
}
