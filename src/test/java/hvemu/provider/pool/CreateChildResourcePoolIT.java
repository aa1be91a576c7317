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
import hvemu.testsupport.Xml;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CreateChildResourcePool (docs/semantics.md, "Pool hierarchy"): a child pool holds a Reservation of
 * each parent, raising the parent's Reserved; every return code of its table.
 */
class CreateChildResourcePoolIT extends AbstractPoolMethodIT {
    /** The memory of one NUMA node in MB (BlockSize 1 MiB x 131072 blocks). */
    private static final long NUMA_MB = 131072;

    private static String child(String name, String settings, String... parents) {
        StringBuilder p = new StringBuilder(name == null ? "" : param("ElementName", name));
        for (String parent : parents) {
            p.append(param("ParentPool", parent));
        }
        if (settings != null) {
            p.append(settings);
        }
        return call("CreateChildResourcePool", p.toString());
    }

    @Test
    void makesAChildThatHoldsItsReservationOfTheParent() {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        HttpExchange reply = client().post(child("Child", param("Settings", rasd(4096)), pool(parent)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        String childId = Pools.selector(reply, "Pool", "InstanceID");
        Map<String, String> job = PoolService.get(client(), "Msvm_ConcreteJob", Pools.selector(reply, "Job", "InstanceID"));
        assertThat(job).containsEntry("JobType", "150").containsEntry("JobState", "7");

        Map<String, String> c = PoolService.get(client(), "Msvm_ResourcePool", childId);
        assertThat(c).containsEntry("ElementName", "Child").containsEntry("Capacity", "4096").containsEntry("Reserved", "0")
                .containsEntry("ResourceType", "4").containsEntry("AllocationUnits", "byte*2^20")
                .containsEntry("Primordial", "false");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", parent)).containsEntry("Reserved", "4096")
                .containsEntry("Capacity", Long.toString(NUMA_MB));
        List<Map<String, String>> links = PoolService.instances(client(), "Msvm_ElementAllocatedFromPool");
        assertThat(links).anySatisfy(l -> assertThat(l).containsEntry("Antecedent", parent).containsEntry("Dependent", childId));
        assertThat(PoolService.instances(client(), "Msvm_ResourceAllocationSettingData"))
                .anySatisfy(r -> assertThat(r).containsEntry("Reservation", "4096").containsEntry("PoolID", "Parent"));
        assertThat(PoolService.instances(client(), "Msvm_HostedResourcePool"))
                .anySatisfy(l -> assertThat(l.get("PartComponent")).isEqualTo(childId));
    }

    @Test
    void drawsFromSeveralParentsAndFromChildren() {
        String a = PoolService.createRoot(client(), "A", "4", memory(1, 0));
        String b = PoolService.createRoot(client(), "B", "4", memory(2, 0));
        HttpExchange both = client().post(child("Both", param("Settings", rasd(1000)), pool(a), pool(b)));
        assertThat(returnValue(both)).as("one Settings for every parent").isEqualTo(4096);
        String bothId = Pools.selector(both, "Pool", "InstanceID");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", bothId)).containsEntry("Capacity", "2000");
        HttpExchange split = client().post(child("Split", param("Settings", rasd(10)) + param("Settings", rasd(20)),
                pool(a), pool(b)));
        assertThat(returnValue(split)).as("a Settings per parent").isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", a)).containsEntry("Reserved", "1010");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", b)).containsEntry("Reserved", "1020");
        String grandchild = PoolService.createChild(client(), "Grandchild", bothId, 2000);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", bothId)).containsEntry("Reserved", "2000");
        assertThat(returnValue(client().post(child("Too much", param("Settings", rasd(1)), pool(bothId)))))
                .as("the child is fully reserved by its own child").isEqualTo(8);
        assertThat(grandchild).isNotBlank();
    }

    @Test
    void readsSettingsEscapedAsWellAsInCdata() {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        String escaped = "&lt;INSTANCE CLASSNAME=\"Msvm_ResourceAllocationSettingData\"&gt;&lt;PROPERTY NAME=\"Reservation\" "
                + "TYPE=\"uint64\"&gt;&lt;VALUE&gt;64&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;";
        HttpExchange reply = client().post(child("Escaped", param("Settings", escaped), pool(parent)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", Pools.selector(reply, "Pool", "InstanceID")))
                .containsEntry("Capacity", "64");
    }

    @Test
    void readsSettingsAsTheMiClientEmbedsThem() {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        String typed = "<p:Settings xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:type=\"p:Msvm_ResourceAllocationSettingData_Type\"><p:Reservation xsi:type=\"cim:cimUnsignedLong\">"
                + "128</p:Reservation><p:ResourceType>4</p:ResourceType></p:Settings>";
        HttpExchange reply = client().post(child("Typed", typed, pool(parent)));
        assertThat(returnValue(reply)).as(reply.body()).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", Pools.selector(reply, "Pool", "InstanceID")))
                .containsEntry("Capacity", "128");
        String nested = "<p:Settings><q:Msvm_ResourceAllocationSettingData xmlns:q=\"" + Pools.WMI
                + "Msvm_ResourceAllocationSettingData\"><q:Reservation>32</q:Reservation>"
                + "</q:Msvm_ResourceAllocationSettingData></p:Settings>";
        HttpExchange second = client().post(child("Nested", nested, pool(parent)));
        assertThat(returnValue(second)).as(second.body()).isEqualTo(4096);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", parent)).containsEntry("Reserved", "160");
        String wrong = "<p:Settings><q:Msvm_ResourceAllocationSettingData xmlns:q=\"" + Pools.WMI
                + "Msvm_ResourceAllocationSettingData\"><q:Reservation>lots</q:Reservation>"
                + "</q:Msvm_ResourceAllocationSettingData></p:Settings>";
        HttpExchange refused = client().post(child("Wrong", wrong, pool(parent)));
        Xml.at(refused.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(refused.body()).valueByXPath("//f:WSManFault/f:Message").contains("Reservation");
    }

    @Test
    void drawsFromAPrimordialPool() {
        String primordial = "Microsoft:HV-NODE1\\4764334E-E001-4176-82EE-5594EC9B530E";
        String before = PoolService.get(client(), "Msvm_ResourcePool", primordial).get("Reserved");
        String id = PoolService.createChild(client(), "From primordial", primordial, 512);
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", primordial))
                .containsEntry("Reserved", Long.toString(Long.parseLong(before) + 512));
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", id)).containsEntry("Capacity", "512");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("empty ElementName", " ", "{rasd}", 5),
                Arguments.of("no ParentPool", "No parent", null, 5),
                Arguments.of("two Settings for one parent", "Two", param("Settings", rasd(1)) + param("Settings", rasd(2)), 5),
                Arguments.of("Settings that are not CIM-XML", "Bad", param("Settings", "not an instance"), 5),
                Arguments.of("Settings of another class", "Bad", param("Settings",
                        "<![CDATA[<INSTANCE CLASSNAME=\"Msvm_Memory\"></INSTANCE>]]>"), 5),
                Arguments.of("Settings with an unknown property", "Bad", param("Settings",
                        cimXml("<PROPERTY NAME=\"Colour\" TYPE=\"string\"><VALUE>red</VALUE></PROPERTY>")), 5),
                Arguments.of("Settings naming another PoolID", "Bad", param("Settings",
                        cimXml("<PROPERTY NAME=\"PoolID\" TYPE=\"string\"><VALUE>Elsewhere</VALUE></PROPERTY>")), 5),
                Arguments.of("Settings of another ResourceType", "Bad", param("Settings",
                        cimXml("<PROPERTY NAME=\"ResourceType\" TYPE=\"uint16\"><VALUE>3</VALUE></PROPERTY>")), 7),
                Arguments.of("Settings in other units", "Bad", param("Settings",
                        cimXml("<PROPERTY NAME=\"AllocationUnits\" TYPE=\"string\"><VALUE>percent</VALUE></PROPERTY>"
                                + "<PROPERTY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE>5</VALUE></PROPERTY>")), 4097),
                Arguments.of("more than the parent has free", "Big", param("Settings", rasd(NUMA_MB + 1)), 8));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("refusals")
    void refusesWithItsReturnCode(String situation, String name, String settings, long code) {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        String request = settings == null ? child(name, param("Settings", rasd(1))) : child(name, settings.replace("{rasd}", param("Settings", rasd(1))),
                pool(parent));
        HttpExchange reply = client().post(request);
        assertThat(returnValue(reply)).as(situation).isEqualTo(code);
        assertThat(reply.body()).as("no job").doesNotContain("<p:Job>");
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", parent)).as("nothing reserved")
                .containsEntry("Reserved", "0");
        assertThat(PoolService.instances(client(), "Msvm_ResourceAllocationSettingData")).isEmpty();
    }

    @Test
    void refusesParentsThatDoNotFit() {
        String mem = PoolService.createRoot(client(), "Mem", "4", memory(1, 0));
        String cpu = PoolService.createRoot(client(), "Cpu", "3", processor(1, 0));
        assertThat(returnValue(client().post(child("Mixed", param("Settings", rasd(1)), pool(mem), pool(cpu)))))
                .as("parents of two types").isEqualTo(7);
        assertThat(returnValue(client().post(child("Twice", param("Settings", rasd(1)), pool(mem), pool(mem)))))
                .as("a parent named twice").isEqualTo(5);
        assertThat(returnValue(client().post(child("Ghost", param("Settings", rasd(1)), pool("Microsoft:NO-SUCH-POOL")))))
                .as("a parent that does not exist").isEqualTo(5);
        assertThat(returnValue(client().post(child("Device", param("Settings", rasd(1)), memory(1, 1)))))
                .as("a reference to a device, not a pool").isEqualTo(5);
    }

    @Test
    void answersInUseWhileAJobHoldsTheParent() {
        String parent = PoolService.createRoot(client(), "Parent", "4", memory(1, 0));
        emulator.emulator().jobs().progression(JobProgression.stepped());
        HttpExchange first = client().post(child("First", param("Settings", rasd(10)), pool(parent)));
        assertThat(returnValue(first)).isEqualTo(4096);
        String firstId = Pools.selector(first, "Pool", "InstanceID");
        assertThat(PoolService.exists(client(), "Msvm_ResourcePool", firstId)).as("made when the job completes").isFalse();
        assertThat(returnValue(client().post(child("Second", param("Settings", rasd(10)), pool(parent))))).isEqualTo(6);
        String job = Pools.selector(first, "Job", "InstanceID");
        assertThat(emulator.emulator().jobs().complete(job)).isTrue();
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", firstId)).containsEntry("Capacity", "10");
        assertThat(returnValue(client().post(child("Second", param("Settings", rasd(10)), pool(parent))))).isEqualTo(4096);
        emulator.emulator().jobs().complete(emulator.emulator().jobs().activeJobs().get(0));
        assertThat(PoolService.get(client(), "Msvm_ResourcePool", parent)).containsEntry("Reserved", "20");
    }
}
