package hvemu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Requests of Msvm_ConcreteJob's methods as WinRM clients send them, and reads of the job they act on. */
public final class Jobs {
    public static final String URI = Envelopes.JOB_URI;
    public static final String DMTF = Envelopes.dmtf("Msvm_ConcreteJob");
    private static final String CLUSTER = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters>"
            + "<w:ResourceURI>" + Envelopes.wmi("Msvm_ComputerSystem") + "</w:ResourceURI><w:SelectorSet>"
            + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
            + "<w:Selector Name=\"Name\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";

    private Jobs() {
    }

    /** An Invoke of a job's method, WMI style, with the INPUT's content (parameters) given. */
    public static String invoke(String instanceId, String method, String parameters) {
        return Envelopes.request(URI + "/" + method, "", "<p:" + method + "_INPUT xmlns:p=\"" + URI + "\">" + parameters
                + "</p:" + method + "_INPUT>").replace("9D1C4A3E", instanceId);
    }

    /** An Invoke of a job's method as the PowerShell MI client sends it: DMTF URI, __cimnamespace, p0 prefix. */
    public static String invokeDmtf(String instanceId, String method, String parameters) {
        return Envelopes.request(DMTF + "/" + method, "", "<p0:" + method + "_INPUT xmlns:p0=\"" + DMTF
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + method + "_INPUT_Type\">"
                + parameters.replace("<p:", "<p0:").replace("</p:", "</p0:") + "</p0:" + method + "_INPUT>")
                .replace(URI, DMTF).replace("<w:Selector Name=\"InstanceID\">9D1C4A3E</w:Selector>",
                        "<w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>"
                                + "<w:Selector Name=\"InstanceID\">" + instanceId + "</w:Selector>");
    }

    /** RequestStateChange with a RequestedState (left out when null) and TimeoutPeriod content (left out when null). */
    public static String requestStateChange(String instanceId, String requestedState, String timeoutPeriod) {
        return invoke(instanceId, "RequestStateChange",
                (requestedState == null ? "" : "<p:RequestedState>" + requestedState + "</p:RequestedState>")
                        + (timeoutPeriod == null ? "" : "<p:TimeoutPeriod>" + timeoutPeriod + "</p:TimeoutPeriod>"));
    }

    /** A Get of the job. */
    public static String get(String instanceId) {
        return Envelopes.get(URI, "InstanceID", instanceId);
    }

    /** Returns a property of the job, read by a Get; fails when the job does not exist. */
    public static String property(RunningEmulator emulator, String instanceId, String property) {
        HttpExchange reply = emulator.client().post(get(instanceId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> values = reply.texts("//*[local-name()='Msvm_ConcreteJob']/*[local-name()='" + property + "']");
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** Returns true when a Get finds the job. */
    public static boolean exists(RunningEmulator emulator, String instanceId) {
        return emulator.client().post(get(instanceId)).status() == 200;
    }

    /** Creates a pool of processors (ResourceType 3) whose job is left to the test; returns the reply. */
    public static HttpExchange createPool(RunningEmulator emulator, String name, String... devices) {
        HttpExchange reply = emulator.client().post(Pools.create(name, "3", devices));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isEqualTo(4096);
        return reply;
    }

    /**
     * Asserts that the job of a CreateResourcePool reply, stopped before it completed, left nothing: no pool,
     * no pool links, no reservation of its devices, which a new CreateResourcePool can pool.
     */
    public static void assertLeftNothing(RunningEmulator emulator, HttpExchange create, String... devices) {
        String job = Pools.selector(create, "Job", "InstanceID");
        String pool = Pools.selector(create, "Pool", "InstanceID");
        String poolEpr = Envelopes.eprOf("Msvm_ResourcePool", pool);
        String jobEpr = Envelopes.eprOf("Msvm_ConcreteJob", job);
        assertThat(emulator.client().post(Pools.getOf(create, "Pool")).status()).as("no pool").isEqualTo(500);
        assertAbsent(emulator, "Msvm_HostedResourcePool", Envelopes.refSelector("GroupComponent", CLUSTER)
                + Envelopes.refSelector("PartComponent", poolEpr));
        assertAbsent(emulator, "Msvm_AffectedJobElement", Envelopes.refSelector("AffectedElement", poolEpr)
                + Envelopes.refSelector("AffectingElement", jobEpr));
        for (String device : devices) {
            assertAbsent(emulator, "Msvm_ConcreteComponent", Envelopes.refSelector("GroupComponent", poolEpr)
                    + Envelopes.refSelector("PartComponent", device));
            assertAbsent(emulator, "Msvm_AffectedJobElement", Envelopes.refSelector("AffectedElement", device)
                    + Envelopes.refSelector("AffectingElement", jobEpr));
        }
        HttpExchange again = emulator.client().post(Pools.create("Again", "3", devices));
        assertThat(Pools.returnValue(again)).as("the devices are free: " + again.body()).isEqualTo(4096);
        emulator.emulator().jobs().complete(Pools.selector(again, "Job", "InstanceID"));
        assertThat(emulator.client().post(Pools.getOf(again, "Pool")).status()).as("pooled again").isEqualTo(200);
    }

    private static void assertAbsent(RunningEmulator emulator, String association, String selectors) {
        HttpExchange reply = emulator.client().post(Envelopes.getWith(Envelopes.wmi(association), selectors));
        assertThat(reply.status()).as(association + " should not exist: " + reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
    }
}
