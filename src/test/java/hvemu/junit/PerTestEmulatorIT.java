package hvemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HvemuExtension} in an instance field: a fresh emulator for every test, so nothing carries over. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestEmulatorIT {
    @RegisterExtension
    final HvemuExtension hvemu = HvemuExtension.builder().jobs("immediate").build();

    private static boolean poolMade;

    private static long pools(HvemuRuntimeInfo info, String name) {
        return info.admin().instances("Msvm_ResourcePool").stream()
                .filter(p -> name.equals(p.properties().get("ElementName"))).count();
    }

    @Test
    @Order(1)
    void aTestMakesAPool(HvemuRuntimeInfo info) {
        assertThat(info).isSameAs(hvemu.runtimeInfo());
        WsmanClient.of(info.endpointUri()).post(Pools.create("per-test-pool", "4", Pools.memory(1, 0)));
        assertThat(pools(info, "per-test-pool")).isEqualTo(1);
        poolMade = true;
    }

    @Test
    @Order(2)
    void theNextTestHasAFreshEmulatorWithoutIt(HvemuRuntimeInfo info) {
        assertThat(poolMade).as("the first test ran").isTrue();
        assertThat(pools(info, "per-test-pool")).isZero();
    }
}
