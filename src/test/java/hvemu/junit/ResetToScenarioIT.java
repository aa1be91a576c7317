package hvemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.control.Admin;
import hvemu.control.FaultRule;
import hvemu.control.HttpAdmin;
import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The default of both forms: a class-wide emulator reset before each test, back to its start state, the
 * scenario's job modes and fault rules included. Needs {@code Admin.reset}, job modes and fault rules (branches
 * {@code state} and {@code exchange}); excluded by its tag until they are merged.
 */
@HvemuTest(jobs = "immediate", scenario = "classpath:scenarios/manual-pools.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetToScenarioIT {
    private static boolean changed;

    private static void assertStartState(Admin admin) {
        assertThat(admin.jobModes()).containsEntry("CreateResourcePool", "manual");
        assertThat(admin.faults()).singleElement().satisfies(rule -> {
            assertThat(rule.match().method()).isEqualTo("DeleteResourcePool");
            assertThat(rule.effect().returnCode()).isEqualTo(4);
        });
        assertThat(admin.instances("Msvm_ResourcePool")).noneMatch(p -> "reset-pool".equals(p.properties().get("ElementName")));
    }

    @Test
    @Order(1)
    void startsWithTheScenarioAppliedAndSeenOverHttp(HvemuRuntimeInfo hvemu) {
        assertStartState(hvemu.admin());
        assertStartState(new HttpAdmin(hvemu.adminUri(), null, null));
    }

    @Test
    @Order(2)
    void aTestChangesTheEmulator(HvemuRuntimeInfo hvemu) {
        Admin admin = hvemu.admin();
        admin.jobMode("CreateResourcePool", "immediate");
        admin.clearFaults();
        admin.addFault(new FaultRule(null, new FaultRule.Match(null, null, "CreateResourcePool", null), null,
                new FaultRule.Effect(null, null, 10L, null, null, null), 0, 0));
        WsmanClient.of(hvemu.endpointUri()).post(Pools.create("reset-pool", "4", Pools.memory(1, 0)));
        assertThat(admin.instances("Msvm_ResourcePool")).anyMatch(p -> "reset-pool".equals(p.properties().get("ElementName")));
        changed = true;
    }

    @Test
    @Order(3)
    void theNextTestStartsFromTheStartStateAgain(HvemuRuntimeInfo hvemu) {
        assertThat(changed).as("the test before changed the emulator").isTrue();
        assertStartState(hvemu.admin());
    }
}
