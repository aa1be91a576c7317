package hvemu.provider.pool;

import hvemu.job.JobProgression;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every test of a pool method shares: a fresh emulator per test (immediate jobs unless a test
 * switches them), and the hierarchy invariants checked after the test (docs/semantics.md).
 */
abstract class AbstractPoolMethodIT {
    @RegisterExtension
    final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.immediate()));

    WsmanClient client() {
        return emulator.client();
    }

    @AfterEach
    void hierarchyHolds() {
        PoolService.checkInvariants(client());
    }

    /** An Invoke of a method that takes HostResources and a Pool (Add/RemoveResources). */
    static String devices(String method, String poolEpr, String... devices) {
        StringBuilder p = new StringBuilder();
        for (String d : devices) {
            p.append(PoolService.param("HostResources", d));
        }
        return PoolService.call(method, p + PoolService.param("Pool", poolEpr));
    }

    String capacity(String id) {
        return PoolService.get(client(), "Msvm_ResourcePool", id).get("Capacity");
    }

    /** The number of devices a pool is made of. */
    long members(String id) {
        return PoolService.instances(client(), "Msvm_ConcreteComponent").stream()
                .filter(l -> id.equals(l.get("GroupComponent"))).count();
    }
}
