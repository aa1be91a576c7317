package hvemu.provider.pool;

import static hvemu.testsupport.PoolService.call;
import static hvemu.testsupport.PoolService.param;
import static hvemu.testsupport.PoolService.pool;
import static hvemu.testsupport.PoolService.rasd;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.PoolService;
import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own state and capabilities: RequestStateChange, StartService and StopService switch it
 * on and off (a disabled service answers 1 to every pool method), and the capabilities' method lists
 * decide, per method, between a job (4096), synchronous work (0) and Not Supported (1).
 */
class PoolServiceStateIT {
    private static final String ASYNC = "AsynchronousMethodsSupported = {2, 3, 4, 5, 6, 7};";
    private static final String SYNC = "SynchronousMethodsSupported  = {};";

    @TempDir
    Path dir;

    private Emulator start(String async, String sync) {
        return Emulator.builder().port(0).jobs(JobProgression.immediate())
                .topology(Pools.topology(dir, Map.of(ASYNC, async, SYNC, sync), "")).build().start();
    }

    private static Map<String, String> service(WsmanClient client) {
        HttpExchange reply = client.post(serviceGet());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return PoolService.values(reply);
    }

    private static long stateChange(WsmanClient client, String state) {
        return returnValue(client.post(call("RequestStateChange", param("RequestedState", state))));
    }

    @Test
    void aDisabledServiceAnswersNotSupportedUntilEnabledAgain() {
        try (Emulator e = start(ASYNC, SYNC)) {
            WsmanClient client = WsmanClient.of(e.endpointUri());
            String id = PoolService.createRoot(client, "Before", "4", memory(1, 0));
            assertThat(stateChange(client, "3")).isZero();
            assertThat(service(client)).containsEntry("EnabledState", "3").containsEntry("RequestedState", "3")
                    .containsEntry("Started", "false").containsEntry("OperationalStatus", "10");
            for (String request : everyMethod(id)) {
                assertThat(returnValue(client.post(request))).as(request).isEqualTo(1);
            }
            assertThat(stateChange(client, "3")).as("already disabled").isZero();
            assertThat(stateChange(client, "2")).isZero();
            assertThat(service(client)).containsEntry("EnabledState", "2").containsEntry("Started", "true")
                    .containsEntry("OperationalStatus", "2");
            assertThat(returnValue(client.post(Pools.create("After", "4", memory(1, 1))))).isEqualTo(4096);
            assertThat(returnValue(client.post(call("StopService")))).isZero();
            assertThat(service(client)).containsEntry("EnabledState", "3");
            assertThat(returnValue(client.post(Pools.create("Stopped", "4", memory(2, 1))))).isEqualTo(1);
            assertThat(returnValue(client.post(call("StartService")))).isZero();
            assertThat(service(client)).containsEntry("EnabledState", "2");
            PoolService.checkInvariants(client);
        }
    }

    @Test
    void refusesStatesItCannotReach() {
        try (Emulator e = start(ASYNC, SYNC)) {
            WsmanClient client = WsmanClient.of(e.endpointUri());
            assertThat(stateChange(client, "4")).as("Shut Down: in the ValueMap, not reachable").isEqualTo(4097);
            assertThat(stateChange(client, "11")).as("Reset").isEqualTo(4097);
            assertThat(stateChange(client, "5")).as("outside the ValueMap").isEqualTo(5);
            assertThat(returnValue(client.post(call("RequestStateChange")))).as("no RequestedState").isEqualTo(5);
            assertThat(service(client)).containsEntry("EnabledState", "2");
        }
    }

    @Test
    void runsEveryMethodSynchronouslyWhenTheCapabilitiesSaySo() {
        try (Emulator e = start("AsynchronousMethodsSupported = {};", "SynchronousMethodsSupported  = {2, 3, 4, 5, 6, 7};")) {
            WsmanClient client = WsmanClient.of(e.endpointUri());
            HttpExchange created = client.post(Pools.create("Sync", "4", memory(1, 0)));
            assertThat(returnValue(created)).isZero();
            String id = Pools.selector(created, "Pool", "InstanceID");
            HttpExchange child = client.post(call("CreateChildResourcePool", param("ElementName", "SyncChild"),
                    param("ParentPool", pool(id)), param("Settings", rasd(10))));
            assertThat(returnValue(child)).isZero();
            Xml.at(child.body()).valueByXPath("//*[local-name()='Job']/@*[local-name()='nil']").isEqualTo("true");
            String childId = Pools.selector(child, "Pool", "InstanceID");
            assertThat(PoolService.get(client, "Msvm_ResourcePool", id)).as("done when the call returns")
                    .containsEntry("Reserved", "10");
            String other = PoolService.createRoot(client, "Other", "4", memory(2, 0));
            assertThat(returnValue(client.post(call("ChangeParentResourcePool", param("ChildPool", pool(childId)),
                    param("ParentPool", pool(other)))))).isZero();
            assertThat(returnValue(client.post(call("DeleteResourcePool", param("Pool", pool(childId)))))).isZero();
            assertThat(returnValue(client.post(call("AddResourcesToResourcePool", param("HostResources", memory(1, 1)),
                    param("Pool", pool(id)))))).isZero();
            assertThat(returnValue(client.post(call("RemoveResourcesFromResourcePool", param("HostResources", memory(1, 1)),
                    param("Pool", pool(id)))))).isZero();
            assertThat(PoolService.instances(client, "Msvm_ConcreteJob")).as("no job was made").isEmpty();
            PoolService.checkInvariants(client);
        }
    }

    @Test
    void answersNotSupportedForAMethodInNeitherList() {
        try (Emulator e = start("AsynchronousMethodsSupported = {2, 3, 5, 6, 7};", SYNC)) {
            WsmanClient client = WsmanClient.of(e.endpointUri());
            String id = PoolService.createRoot(client, "Kept", "4", memory(1, 0));
            assertThat(returnValue(client.post(call("DeleteResourcePool", param("Pool", pool(id)))))).isEqualTo(1);
            assertThat(PoolService.exists(client, "Msvm_ResourcePool", id)).isTrue();
        }
    }

    /** A call of each of the six pool methods that a running, enabled service would accept. */
    private static String[] everyMethod(String poolId) {
        return new String[] {
            Pools.create("Off", "4", memory(2, 0)),
            call("CreateChildResourcePool", param("ParentPool", pool(poolId)), param("Settings", rasd(1))),
            call("DeleteResourcePool", param("Pool", pool(poolId))),
            call("AddResourcesToResourcePool", param("HostResources", memory(2, 1)), param("Pool", pool(poolId))),
            call("RemoveResourcesFromResourcePool", param("HostResources", memory(1, 0)), param("Pool", pool(poolId))),
            call("ChangeParentResourcePool", param("ChildPool", pool(poolId)), param("ParentPool", pool(poolId))),
        };
    }

    /** A Get of the cluster's service. */
    private static String serviceGet() {
        return Envelopes.getWith(PoolService.URI,
                "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
                        + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
                        + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                        + "<w:Selector Name=\"SystemName\">HVCLU01</w:Selector>");
    }
}
