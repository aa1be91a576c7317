package hvemu.provider.pool;

import static hvemu.testsupport.PoolService.call;
import static hvemu.testsupport.PoolService.param;
import static hvemu.testsupport.PoolService.pool;
import static hvemu.testsupport.Pools.disk;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.processor;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import org.junit.jupiter.api.Test;

/**
 * AddResourcesToResourcePool: devices join a root pool, its Capacity grows, and the device checks of
 * CreateResourcePool apply (5, 6, 7); every return code of its table.
 */
class AddResourcesToResourcePoolIT extends AbstractPoolMethodIT {
    private static String add(String poolEpr, String... devices) {
        return devices("AddResourcesToResourcePool", poolEpr, devices);
    }

    @Test
    void addsDevicesAndGrowsTheCapacity() {
        String id = PoolService.createRoot(client(), "Growing", "4", memory(1, 0));
        HttpExchange reply = client().post(add(pool(id), memory(1, 1), memory(2, 0)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ConcreteJob", Pools.selector(reply, "Job", "InstanceID")))
                .containsEntry("JobType", "80").containsEntry("JobState", "7");
        assertThat(capacity(id)).isEqualTo("393216");
        assertThat(members(id)).isEqualTo(3);
    }

    @Test
    void refusesToAddWhatDoesNotFit() {
        String mem = PoolService.createRoot(client(), "Mem", "4", memory(1, 0));
        String other = PoolService.createRoot(client(), "Other", "4", memory(1, 1));
        String empty = PoolService.createRoot(client(), "Empty", "4");
        assertThat(returnValue(client().post(add(pool(mem))))).as("no HostResources").isEqualTo(5);
        assertThat(returnValue(client().post(add(pool(mem), memory(1, 0))))).as("already in the pool").isEqualTo(5);
        assertThat(returnValue(client().post(add(pool(mem), memory(2, 0), memory(2, 0))))).as("named twice").isEqualTo(5);
        assertThat(returnValue(client().post(add(pool(mem), disk(1, 0))))).as("another class than its members").isEqualTo(5);
        assertThat(returnValue(client().post(add(pool(empty), processor(1, 0))))).as("another ResourceType").isEqualTo(7);
        assertThat(returnValue(client().post(add(pool(mem), memory(1, 1))))).as("in another pool").isEqualTo(6);
        assertThat(returnValue(client().post(add(pool("Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E"),
                memory(2, 1))))).as("a primordial pool").isEqualTo(5);
        String child = PoolService.createChild(client(), "Child", mem, 10);
        assertThat(returnValue(client().post(add(pool(child), memory(2, 1))))).as("a child pool").isEqualTo(5);
        assertThat(returnValue(client().post(add(pool("Microsoft:NO-SUCH-POOL"), memory(2, 1))))).isEqualTo(5);
        assertThat(capacity(mem)).isEqualTo("131072");
        assertThat(members(other)).isEqualTo(1);
    }
}
