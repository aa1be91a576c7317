package hvemu.provider.pool;

import static hvemu.testsupport.Pools.create;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.processor;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CreateResourcePool on the default cluster, through HTTP: the return codes of docs/semantics.md that
 * the default topology can produce, the pool and its links, and the faults of bad parameters. Jobs are
 * stepped, so each test decides when they end. Each test uses devices no other test uses.
 */
class CreateResourcePoolIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b
            .clock(new ManualClock(Instant.parse("2026-11-24T12:00:00Z"))).jobs(JobProgression.stepped()));

    private static HttpExchange call(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static long code(String request) {
        return returnValue(call(request));
    }

    @Test
    void startsAJobThatMakesTheRootPoolWithItsLinks() {
        HttpExchange reply = call(create("GoldMem", "4", memory(1, 0)));
        assertThat(returnValue(reply)).isEqualTo(4096);
        String jobId = Pools.selector(reply, "Job", "InstanceID");
        String poolId = Pools.selector(reply, "Pool", "InstanceID");
        assertThat(jobId).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(poolId).matches("Microsoft:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

        HttpExchange job = emulator.client().post(Pools.getOf(reply, "Job"));
        Xml.at(job.body()).valueByXPath("//*[local-name()='JobState']").isEqualTo("2");
        Xml.at(job.body()).valueByXPath("//*[local-name()='JobType']").isEqualTo("150");
        assertThat(emulator.client().post(Pools.getOf(reply, "Pool")).status()).as("no pool before completion").isEqualTo(500);

        emulator.emulator().jobs().complete(jobId);

        Xml.at(emulator.client().post(Pools.getOf(reply, "Job")).body())
                .valueByXPath("//*[local-name()='JobState']").isEqualTo("7");
        HttpExchange pool = emulator.client().post(Pools.getOf(reply, "Pool"));
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.body()).contains("<p:Msvm_ResourcePool ", "<p:Primordial>false</p:Primordial>",
                "<p:PoolID>GoldMem</p:PoolID>", "<p:ElementName>GoldMem</p:ElementName>",
                "<p:ResourceType>4</p:ResourceType>", "<p:Capacity>131072</p:Capacity>",
                "<p:AllocationUnits>byte*2^20</p:AllocationUnits>", "<p:Reserved>0</p:Reserved>",
                "<p:ResourceSubType>Microsoft:Hyper-V:Memory</p:ResourceSubType>");

        String poolEpr = Envelopes.eprOf("Msvm_ResourcePool", poolId);
        String jobEpr = Envelopes.eprOf("Msvm_ConcreteJob", jobId);
        String cluster = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + Envelopes.wmi("Msvm_ComputerSystem") + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";
        String service = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + Envelopes.wmi("Msvm_ResourcePoolConfigurationService") + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
                + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
                + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"SystemName\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";
        assertLinked("Msvm_HostedResourcePool", Envelopes.refSelector("GroupComponent", cluster)
                + Envelopes.refSelector("PartComponent", poolEpr));
        assertLinked("Msvm_ConcreteComponent", Envelopes.refSelector("GroupComponent", poolEpr)
                + Envelopes.refSelector("PartComponent", memory(1, 0)));
        HttpExchange affected = assertLinked("Msvm_AffectedJobElement", Envelopes.refSelector("AffectedElement", poolEpr)
                + Envelopes.refSelector("AffectingElement", jobEpr));
        Xml.at(affected.body()).valueByXPath("//*[local-name()='ElementEffects']").isEqualTo("5");
        assertLinked("Msvm_OwningJobElement", Envelopes.refSelector("OwningElement", service)
                + Envelopes.refSelector("OwnedElement", jobEpr));
        // The device's exclusive use ended with the job.
        HttpExchange reservation = emulator.client().post(Envelopes.getWith(Envelopes.wmi("Msvm_AffectedJobElement"),
                Envelopes.refSelector("AffectedElement", memory(1, 0)) + Envelopes.refSelector("AffectingElement", jobEpr)));
        assertThat(reservation.status()).isEqualTo(500);
    }

    private static HttpExchange assertLinked(String association, String selectors) {
        HttpExchange reply = emulator.client().post(Envelopes.getWith(Envelopes.wmi(association), selectors));
        assertThat(reply.status()).as(association + ": " + reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void acceptsResourceTypeNamesAndHexKeys() {
        assertThat(code(create("ByName", "Processor", processor(1, 0)))).isEqualTo(4096);
        assertThat(code(create("ByHex", "0x3", processor(1, 1)))).isEqualTo(4096);
        assertThat(code(create("Padded", " 3 ", processor(1, 2)))).isEqualTo(4096);
    }

    @Test
    void answersNotSupportedForTypesThatCannotBePooled() {
        assertThat(code(create("Systems", "2"))).isEqualTo(1);
        assertThat(code(create("Power", "28"))).isEqualTo(1);
        assertThat(code(create("Other", "1"))).isEqualTo(1);
        assertThat(code(create("Reserved", "40"))).isEqualTo(1);
    }

    @Test
    void answersInvalidParameterAndChangesNothing() {
        String device = processor(1, 5);
        assertThat(code(create("NoType", null, device))).as("no ResourceType").isEqualTo(5);
        assertThat(code(create("Blank", "  ", device))).as("blank ResourceType").isEqualTo(5);
        assertThat(code(create("Bad", "Memoryish", device))).as("unknown ResourceType").isEqualTo(5);
        assertThat(code(create("Big", "70000", device))).as("ResourceType beyond uint16").isEqualTo(5);
        assertThat(code(create("  ", "3", device))).as("blank ElementName").isEqualTo(5);
        assertThat(code(create("Twice", "3", device, device))).as("same device twice").isEqualTo(5);
        assertThat(code(create("Mixed", "3", device, memory(1, 1)))).as("devices of two classes").isEqualTo(5);
        assertThat(code(create("Ghost", "3", Pools.device("Msvm_Processor", "HV-NODE1", "Microsoft:NOPE"))))
                .as("no such device").isEqualTo(5);
        assertThat(code(create("NotADevice", "3", Envelopes.eprOf("Msvm_ResourcePool",
                "Microsoft:HV-NODE1\\B637F347-6A0E-4DEC-AF52-BD70CB80A21D")))).as("a pool, not a device").isEqualTo(5);
        assertThat(code(create("Foreign", "3", "<a:Address>x</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Processor</w:ResourceURI>"
                + "</a:ReferenceParameters>"))).as("another namespace").isEqualTo(5);
        assertThat(code(create("NoEpr", "3", "just text"))).as("not an EPR").isEqualTo(5);
        assertThat(code(create("Fine", "3", device))).as("nothing was reserved by the failures").isEqualTo(4096);
    }

    @Test
    void answersIncorrectResourceTypeForDevicesOfAnotherType() {
        assertThat(code(create("Mismatch", "3", memory(2, 0)))).isEqualTo(7);
        assertThat(code(create("Mismatch", "17", Pools.ethernet(2, 1)))).isEqualTo(7);
    }

    @Test
    void answersInUseWhileAJobHoldsTheDeviceAndAfterItsPoolHasIt() {
        HttpExchange first = call(create("First", "33", Pools.ethernet(1, 1)));
        assertThat(returnValue(first)).isEqualTo(4096);
        assertThat(code(create("Second", "33", Pools.ethernet(1, 1)))).as("reserved by the job").isEqualTo(6);
        emulator.emulator().jobs().complete(Pools.selector(first, "Job", "InstanceID"));
        assertThat(code(create("Third", "10", Pools.ethernet(1, 1)))).as("held by the pool").isEqualTo(6);
    }

    @Test
    void poolsDevicesOfAnyMemberNodeAndMakesEmptyPools() {
        assertThat(code(create("Nodes", "17", Pools.disk(1, 2), Pools.disk(2, 2)))).isEqualTo(4096);
        HttpExchange empty = call(create(null, "4"));
        assertThat(returnValue(empty)).isEqualTo(4096);
        emulator.emulator().jobs().complete(Pools.selector(empty, "Job", "InstanceID"));
        HttpExchange pool = emulator.client().post(Pools.getOf(empty, "Pool"));
        assertThat(pool.body()).contains("<p:Capacity>0</p:Capacity>").containsPattern("<p:ElementName>Resource Pool \\d+</p:ElementName>");
    }

    @Test
    void refusesUnknownAndOutputParameters() {
        String colour = Pools.create(Pools.input(Pools.WMI + Pools.SERVICE, "X", "3").replace("</p:CreateResourcePool_INPUT>",
                "<p:Colour>blue</p:Colour></p:CreateResourcePool_INPUT>"));
        HttpExchange reply = emulator.client().post(colour);
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(reply.body()).valueByXPath("//w:FaultDetail").endsWith("/InvalidName");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains("has no parameter Colour");
        String job = Pools.create(Pools.input(Pools.WMI + Pools.SERVICE, "X", "3").replace("</p:CreateResourcePool_INPUT>",
                "<p:Job>x</p:Job></p:CreateResourcePool_INPUT>"));
        Xml.at(emulator.client().post(job).body()).valueByXPath("//f:WSManFault/f:Message").contains("is an output");
        String twice = Pools.create(Pools.input(Pools.WMI + Pools.SERVICE, "X", "3").replace("</p:CreateResourcePool_INPUT>",
                "<p:ResourceType>4</p:ResourceType></p:CreateResourcePool_INPUT>"));
        Xml.at(emulator.client().post(twice).body()).valueByXPath("//f:WSManFault/f:Message").contains("more than once");
    }

    @Test
    void refusesValuesOfTheWrongTypeBySignature() {
        String uri = Pools.WMI + Pools.SERVICE;
        HttpExchange state = emulator.client().post(Pools.invoke(uri, "RequestStateChange", "HVCLU01",
                "<p:RequestStateChange_INPUT xmlns:p=\"" + uri + "\"><p:RequestedState>on</p:RequestedState>"
                        + "</p:RequestStateChange_INPUT>", ""));
        Xml.at(state.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:InvalidParameter");
        Xml.at(state.body()).valueByXPath("//w:FaultDetail").endsWith("/TypeMismatch");
        Xml.at(state.body()).valueByXPath("//f:WSManFault/f:Message").contains("RequestedState is uint16");
        HttpExchange range = emulator.client().post(Pools.invoke(uri, "RequestStateChange", "HVCLU01",
                "<p:RequestStateChange_INPUT xmlns:p=\"" + uri + "\"><p:RequestedState>70000</p:RequestedState>"
                        + "</p:RequestStateChange_INPUT>", ""));
        Xml.at(range.body()).valueByXPath("//f:WSManFault/f:Message").contains("out of range");
        HttpExchange when = emulator.client().post(Pools.invoke(uri, "RequestStateChange", "HVCLU01",
                "<p:RequestStateChange_INPUT xmlns:p=\"" + uri + "\"><p:RequestedState>3</p:RequestedState>"
                        + "<p:TimeoutPeriod>soon</p:TimeoutPeriod></p:RequestStateChange_INPUT>", ""));
        Xml.at(when.body()).valueByXPath("//f:WSManFault/f:Message").contains("TimeoutPeriod is datetime");
        HttpExchange fine = emulator.client().post(Pools.invoke(uri, "RequestStateChange", "HVCLU01",
                "<p:RequestStateChange_INPUT xmlns:p=\"" + uri + "\"><p:RequestedState>2</p:RequestedState>"
                        + "<p:TimeoutPeriod><cim:Interval xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\">"
                        + "PT30S</cim:Interval></p:TimeoutPeriod></p:RequestStateChange_INPUT>", ""));
        assertThat(Pools.returnValue(fine)).as("well-typed: the enabled service stays enabled").isEqualTo(0);
    }

    @Test
    void refusesUnknownMethodsAndMissingServices() {
        HttpExchange unknown = emulator.client().post(Pools.invoke(Pools.WMI + Pools.SERVICE, "Frobnicate", "HVCLU01", "", ""));
        Xml.at(unknown.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:ActionNotSupported");
        Xml.at(unknown.body()).valueByXPath("//f:WSManFault/f:Message").contains("has no method Frobnicate");
        HttpExchange missing = emulator.client().post(Pools.invoke(Pools.WMI + Pools.SERVICE, "CreateResourcePool",
                "NOSUCHSYSTEM", Pools.input(Pools.WMI + Pools.SERVICE, "X", "3"), ""));
        Xml.at(missing.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
        HttpExchange wrongBody = emulator.client().post(Pools.invoke(Pools.WMI + Pools.SERVICE, "CreateResourcePool",
                "HVCLU01", "<p:DeleteResourcePool_INPUT xmlns:p=\"" + Pools.WMI + Pools.SERVICE + "\"/>", ""));
        Xml.at(wrongBody.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:SchemaValidationError");
    }
}
