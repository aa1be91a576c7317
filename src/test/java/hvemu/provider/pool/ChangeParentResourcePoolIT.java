package hvemu.provider.pool;

import static hvemu.testsupport.PoolService.call;
import static hvemu.testsupport.PoolService.cimXml;
import static hvemu.testsupport.PoolService.param;
import static hvemu.testsupport.PoolService.pool;
import static hvemu.testsupport.PoolService.rasd;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.processor;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ChangeParentResourcePool: a child pool gives back what it held of its old parents and holds what the
 * Settings ask of its new ones; every return code of its table.
 */
class ChangeParentResourcePoolIT extends AbstractPoolMethodIT {
    private String a;
    private String b;
    private String child;

    @BeforeEach
    void twoParentsAndAChild() {
        a = PoolService.createRoot(client(), "A", "4", memory(1, 0));
        b = PoolService.createRoot(client(), "B", "4", memory(2, 0));
        child = PoolService.createChild(client(), "Child", a, 1000);
    }

    private static String change(String childId, String settings, String... parents) {
        StringBuilder p = new StringBuilder(param("ChildPool", pool(childId)));
        for (String parent : parents) {
            p.append(param("ParentPool", pool(parent)));
        }
        return call("ChangeParentResourcePool", p + (settings == null ? "" : settings));
    }

    private String reserved(String id) {
        return PoolService.get(client(), "Msvm_ResourcePool", id).get("Reserved");
    }

    @Test
    void movesTheChildToItsNewParent() {
        HttpExchange reply = client().post(change(child, null, b));
        assertThat(returnValue(reply)).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ConcreteJob", Pools.selector(reply, "Job", "InstanceID")))
                .containsEntry("JobType", "151").containsEntry("JobState", "7");
        assertThat(reserved(a)).isEqualTo("0");
        assertThat(reserved(b)).as("without Settings the child keeps its Capacity").isEqualTo("1000");
        assertThat(PoolService.instances(client(), "Msvm_ElementAllocatedFromPool"))
                .anySatisfy(l -> assertThat(l).containsEntry("Antecedent", b).containsEntry("Dependent", child))
                .noneSatisfy(l -> assertThat(l).containsEntry("Antecedent", a));
    }

    @Test
    void holdsWhatTheSettingsAskOfEachNewParent() {
        assertThat(returnValue(client().post(change(child, param("Settings", rasd(300)) + param("Settings", rasd(400)), a, b))))
                .isEqualTo(4096);
        assertThat(reserved(a)).isEqualTo("300");
        assertThat(reserved(b)).isEqualTo("400");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", child)).containsEntry("Capacity", "700");
    }

    @Test
    void refusesWhatCannotBeReparented() {
        assertThat(returnValue(client().post(change(a, null, b)))).as("a root pool").isEqualTo(5);
        String grandchild = PoolService.createChild(client(), "Grandchild", child, 600);
        assertThat(returnValue(client().post(change(child, null, grandchild)))).as("a cycle").isEqualTo(5);
        assertThat(returnValue(client().post(change(child, null, child)))).as("its own parent").isEqualTo(5);
        assertThat(returnValue(client().post(change(child, null)))).as("no ParentPool").isEqualTo(5);
        assertThat(returnValue(client().post(change(child, null, a, b)))).as("two parents, no Settings").isEqualTo(5);
        assertThat(returnValue(client().post(change("Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E", null, b))))
                .as("a primordial pool").isEqualTo(5);
        String cpu = PoolService.createRoot(client(), "Cpu", "3", processor(1, 0));
        assertThat(returnValue(client().post(change(child, null, cpu)))).as("a parent of another type").isEqualTo(7);
        assertThat(returnValue(client().post(change(child, param("Settings", cimXml(
                "<PROPERTY NAME=\"AllocationUnits\" TYPE=\"string\"><VALUE>count</VALUE></PROPERTY>")), b))))
                .as("other units").isEqualTo(4097);
        assertThat(returnValue(client().post(change(child, param("Settings", rasd(500)), b))))
                .as("less than its own child holds").isEqualTo(6);
        assertThat(returnValue(client().post(change(child, param("Settings", rasd(131073)), b))))
                .as("more than the new parent has free").isEqualTo(8);
        assertThat(returnValue(client().post(change(child, param("Settings", rasd(131072)), a))))
                .as("what it holds of the same parent counts as free").isEqualTo(4096);
        assertThat(reserved(a)).isEqualTo("131072");
    }

    @Test
    void answersInUseWhileAJobHoldsAParent() {
        emulator.emulator().jobs().progression(JobProgression.stepped());
        HttpExchange other = client().post(call("CreateChildResourcePool", param("ElementName", "Other"),
                param("ParentPool", pool(b)), param("Settings", rasd(5))));
        assertThat(returnValue(other)).isEqualTo(4096);
        assertThat(returnValue(client().post(change(child, null, b)))).isEqualTo(6);
        emulator.emulator().jobs().complete(Pools.selector(other, "Job", "InstanceID"));
        emulator.emulator().jobs().progression(JobProgression.immediate());
        assertThat(returnValue(client().post(change(child, null, b)))).isEqualTo(4096);
        assertThat(reserved(b)).isEqualTo("1005");
    }
}
