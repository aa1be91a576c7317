package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.testsupport.RunningEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The instance view narrowed by property values given as query parameters. */
class InstanceFilterIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static Admin admin() {
        return ModelCalls.admin(emulator);
    }

    @Test
    void keepsTheInstancesWhosePropertiesHaveTheValuesGiven() {
        assertThat(admin().instances("CIM_ResourcePool", Map.of("ResourceType", "4", "ElementName", "memory resource pool")))
                .hasSize(2).allSatisfy(p -> {
                    assertThat(p.properties()).containsEntry("ElementName", "Memory Resource Pool");
                    assertThat(p.className()).isEqualTo("Msvm_ResourcePool");
                });
        assertThat(admin().instances("Msvm_ComputerSystem", Map.of("Name", "HV-NODE2"))).singleElement()
                .satisfies(s -> assertThat(s.keys()).containsEntry("Name", "HV-NODE2"));
        assertThat(admin().instances("CIM_ResourcePool", Map.of("OperationalStatus", "2")))
                .as("an array matches when one element does").hasSameSizeAs(admin().instances("CIM_ResourcePool"));
        assertThat(admin().instances("CIM_ResourcePool", Map.of("Primordial", "false"))).isEmpty();
    }

    @Test
    void refusesPropertiesTheClassLacksAndReferences() {
        assertThatThrownBy(() -> admin().instances("CIM_ResourcePool", Map.of("Colour", "red")))
                .isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("CIM_ResourcePool has no property Colour");
                });
        assertThatThrownBy(() -> admin().instances("Msvm_HostedResourcePool", Map.of("GroupComponent", "x")))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
