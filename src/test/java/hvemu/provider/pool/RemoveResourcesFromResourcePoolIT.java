package hvemu.provider.pool;

import static hvemu.testsupport.PoolService.call;
import static hvemu.testsupport.PoolService.param;
import static hvemu.testsupport.PoolService.pool;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import org.junit.jupiter.api.Test;

/**
 * RemoveResourcesFromResourcePool: devices leave a root pool and return to their system, its Capacity
 * shrinks but never below what its children hold (6); every return code of its table.
 */
class RemoveResourcesFromResourcePoolIT extends AbstractPoolMethodIT {
    private static String remove(String poolEpr, String... devices) {
        return devices("RemoveResourcesFromResourcePool", poolEpr, devices);
    }

    @Test
    void removesDevicesAndShrinksTheCapacity() {
        String id = PoolService.createRoot(client(), "Shrinking", "4", memory(1, 0), memory(1, 1));
        HttpExchange reply = client().post(remove(pool(id), memory(1, 1)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ConcreteJob", Pools.selector(reply, "Job", "InstanceID")))
                .containsEntry("JobType", "81");
        assertThat(capacity(id)).isEqualTo("131072");
        assertThat(members(id)).isEqualTo(1);
        assertThat(returnValue(client().post(Pools.create("Other", "4", memory(1, 1))))).as("the device is free").isEqualTo(4096);
        assertThat(returnValue(client().post(remove(pool(id), memory(1, 0))))).as("down to an empty pool").isEqualTo(4096);
        assertThat(capacity(id)).isEqualTo("0");
    }

    @Test
    void refusesToRemoveWhatIsNotThereOrStillNeeded() {
        String id = PoolService.createRoot(client(), "Held", "4", memory(1, 0), memory(1, 1));
        assertThat(returnValue(client().post(remove(pool(id), memory(2, 0))))).as("not in the pool").isEqualTo(5);
        assertThat(returnValue(client().post(remove(pool(id))))).as("no HostResources").isEqualTo(5);
        assertThat(returnValue(client().post(remove(pool(id), memory(1, 0), memory(1, 0))))).as("named twice").isEqualTo(5);
        PoolService.createChild(client(), "Big child", id, 200000);
        assertThat(returnValue(client().post(remove(pool(id), memory(1, 0)))))
                .as("what remains would not cover what children hold").isEqualTo(6);
        assertThat(members(id)).isEqualTo(2);
    }
}
