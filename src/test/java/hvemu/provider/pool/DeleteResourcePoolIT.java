package hvemu.provider.pool;

import static hvemu.testsupport.PoolService.call;
import static hvemu.testsupport.PoolService.param;
import static hvemu.testsupport.PoolService.pool;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import org.junit.jupiter.api.Test;

/**
 * DeleteResourcePool: a pool nothing is allocated from goes with its links, its devices return to their
 * system and what it held of its parents returns to them; every return code of its table.
 */
class DeleteResourcePoolIT extends AbstractPoolMethodIT {
    private static String delete(String poolEpr) {
        return call("DeleteResourcePool", param("Pool", poolEpr));
    }

    private long links(String className, String pool) {
        return PoolService.instances(client(), className).stream().filter(l -> l.containsValue(pool)).count();
    }

    @Test
    void removesARootPoolAndReturnsItsDevices() {
        String id = PoolService.createRoot(client(), "Doomed", "4", memory(1, 0), memory(1, 1));
        assertThat(links("Msvm_ConcreteComponent", id)).isEqualTo(2);
        HttpExchange reply = client().post(delete(pool(id)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ConcreteJob", Pools.selector(reply, "Job", "InstanceID")))
                .containsEntry("JobType", "153").containsEntry("JobState", "7");
        assertThat(PoolService.exists(client(), "Msvm_ResourcePool", id)).isFalse();
        for (String assoc : new String[] {"Msvm_ConcreteComponent", "Msvm_HostedResourcePool", "Msvm_ServiceAffectsElement",
                "Msvm_AffectedJobElement"}) {
            assertThat(links(assoc, id)).as(assoc).isZero();
        }
        assertThat(returnValue(client().post(Pools.create("Again", "4", memory(1, 0), memory(1, 1)))))
                .as("the devices are free again").isEqualTo(4096);
    }

    @Test
    void returnsWhatAChildHeldToItsParent() {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        String child = PoolService.createChild(client(), "Child", parent, 300);
        assertThat(returnValue(client().post(delete(pool(parent))))).as("a parent with children is in use").isEqualTo(6);
        assertThat(returnValue(client().post(delete(pool(child))))).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", parent)).containsEntry("Reserved", "0");
        assertThat(PoolService.instances(client(), "Msvm_ResourceAllocationSettingData")).isEmpty();
        assertThat(links("Msvm_ElementAllocatedFromPool", child)).isZero();
        assertThat(returnValue(client().post(delete(pool(parent))))).isEqualTo(4096);
    }

    @Test
    void refusesPoolsThatCannotGo() {
        assertThat(returnValue(client().post(delete(pool("Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E")))))
                .as("a primordial pool").isEqualTo(6);
        assertThat(returnValue(client().post(delete(pool("Microsoft:NO-SUCH-POOL"))))).as("no such pool").isEqualTo(5);
        assertThat(returnValue(client().post(delete(memory(1, 0))))).as("a device, not a pool").isEqualTo(5);
        assertThat(returnValue(client().post(call("DeleteResourcePool")))).as("no Pool").isEqualTo(5);
        assertThat(PoolService.exists(client(), "Msvm_ResourcePool", "Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E"))
                .isTrue();
    }

    @Test
    void aTerminatedDeleteLeavesThePoolAsItWas() {
        String id = PoolService.createRoot(client(), "Kept", "4", memory(1, 0));
        emulator.emulator().jobs().progression(JobProgression.stepped());
        HttpExchange deleting = client().post(delete(pool(id)));
        assertThat(returnValue(deleting)).isEqualTo(4096);
        String job = Pools.selector(deleting, "Job", "InstanceID");
        HttpExchange stop = client().post(Jobs.requestStateChange(job, "4", null));
        assertThat(returnValue(stop)).as(stop.body()).isZero();
        assertThat(PoolService.get(client(), "Msvm_ConcreteJob", job)).containsEntry("JobState", "8");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", id)).as("still there, no longer held")
                .containsEntry("OperationalStatus", "2");
        assertThat(links("Msvm_ConcreteComponent", id)).isEqualTo(1);
        emulator.emulator().jobs().progression(JobProgression.immediate());
        assertThat(returnValue(client().post(delete(pool(id))))).isEqualTo(4096);
    }

    @Test
    void answersInUseWhileAnotherJobHoldsThePool() {
        String id = PoolService.createRoot(client(), "Busy", "4", memory(1, 0));
        emulator.emulator().jobs().progression(JobProgression.stepped());
        HttpExchange adding = client().post(call("AddResourcesToResourcePool", param("HostResources", memory(1, 1)),
                param("Pool", pool(id))));
        assertThat(returnValue(adding)).isEqualTo(4096);
        assertThat(returnValue(client().post(delete(pool(id))))).isEqualTo(6);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", id)).as("OK, In Service while the job holds it")
                .containsEntry("OperationalStatus", "2,11");
        emulator.emulator().jobs().complete(Pools.selector(adding, "Job", "InstanceID"));
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", id)).containsEntry("OperationalStatus", "2");
        HttpExchange deleting = client().post(delete(pool(id)));
        assertThat(returnValue(deleting)).isEqualTo(4096);
        assertThat(PoolService.exists(client(), "Msvm_ResourcePool", id)).as("until its job completes").isTrue();
        emulator.emulator().jobs().complete(Pools.selector(deleting, "Job", "InstanceID"));
        assertThat(PoolService.exists(client(), "Msvm_ResourcePool", id)).isFalse();
    }
}
