package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.List;

/** WS-Man calls the control-plane tests make to change the model and see it changed, and an admin client. */
final class ModelCalls {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";

    private ModelCalls() {
    }

    /** The admin API of an emulator without credentials, over HTTP. */
    static Admin admin(RunningEmulator emulator) {
        return new HttpAdmin(emulator.emulator().adminUri(), null, null);
    }

    /** Creates a processor pool with the given processors; returns the reply (4096, with Job and Pool). */
    static HttpExchange createPool(RunningEmulator emulator, String name, String... processors) {
        HttpExchange reply = emulator.client().post(Pools.create(name, "3", processors));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isEqualTo(4096);
        return reply;
    }

    static String job(HttpExchange create) {
        return Pools.selector(create, "Job", "InstanceID");
    }

    static String pool(HttpExchange create) {
        return Pools.selector(create, "Pool", "InstanceID");
    }

    /** Deletes a pool through the service; returns the DeleteResourcePool reply (4096, with Job). */
    static HttpExchange deletePool(RunningEmulator emulator, String pool) {
        HttpExchange reply = emulator.client().post(PoolService.call("DeleteResourcePool",
                PoolService.param("Pool", PoolService.pool(pool))));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isEqualTo(4096);
        return reply;
    }

    /** Returns a property of an instance read by a Get, or null when the Get finds no instance. */
    static String property(RunningEmulator emulator, String className, String instanceId, String property) {
        HttpExchange reply = emulator.client().post(Envelopes.get(Envelopes.wmi(className), "InstanceID", instanceId));
        if (reply.status() != 200) {
            Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("a:DestinationUnreachable");
            return null;
        }
        List<String> v = reply.texts("/*[local-name()='Envelope']/*[local-name()='Body']/*/*[local-name()='"
                + property + "']");
        return v.isEmpty() ? null : String.join(",", v);
    }

    static boolean exists(RunningEmulator emulator, String className, String instanceId) {
        return emulator.client().post(Envelopes.get(Envelopes.wmi(className), "InstanceID", instanceId)).status() == 200;
    }

    /** Renames a pool with a Put of its ElementName alone. */
    static void rename(RunningEmulator emulator, String pool, String name) {
        String body = "<p:Msvm_ResourcePool xmlns:p=\"" + Envelopes.wmi("Msvm_ResourcePool") + "\"><p:ElementName>" + name
                + "</p:ElementName></p:Msvm_ResourcePool>";
        HttpExchange reply = emulator.client().post(Envelopes.transfer(Envelopes.PUT, Envelopes.wmi("Msvm_ResourcePool"),
                body, "InstanceID", pool));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Deletes a finished job with a WS-Transfer Delete. */
    static void deleteJob(RunningEmulator emulator, String job) {
        HttpExchange reply = emulator.client().post(Envelopes.transfer(Envelopes.DELETE, Envelopes.wmi("Msvm_ConcreteJob"),
                "", "InstanceID", job));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Opens an enumeration of the pools, one per batch; returns its context. */
    static String openEnumeration(RunningEmulator emulator) {
        HttpExchange reply = emulator.client().post(Envelopes.request(N + "/Enumerate", "", "<n:Enumerate xmlns:n=\"" + N
                + "\"><w:MaxElements>1</w:MaxElements></n:Enumerate>").replace(Envelopes.JOB_URI,
                Envelopes.wmi("CIM_ResourcePool")).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", ""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String context = reply.texts("//*[local-name()='EnumerationContext']").get(0);
        assertThat(context).isNotEmpty();
        return context;
    }

    /** Pulls from an enumeration context; returns the reply as it comes. */
    static HttpExchange pull(RunningEmulator emulator, String context) {
        return emulator.client().post(Envelopes.request(N + "/Pull", "", "<n:Pull xmlns:n=\"" + N
                + "\"><n:EnumerationContext>" + context + "</n:EnumerationContext></n:Pull>")
                .replace(Envelopes.JOB_URI, Envelopes.wmi("CIM_ResourcePool")).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", ""));
    }

    /** Asserts that a Pull of {@code context} gets the fault for a context that is not valid. */
    static void assertEnded(RunningEmulator emulator, String context) {
        HttpExchange reply = pull(emulator, context);
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:InvalidEnumerationContext");
    }
}
