package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.PoolService;
import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pywinrm 0.3.0 (Debian {@code python3-winrm}) drives hvemu the way a pywinrm user scripting WMI does:
 * {@code Protocol(transport='basic')} and {@code send_message} with envelopes built on pywinrm's own header
 * ({@code src/test/clients/pywinrm/flow.py}). Each test checks what the client itself read, and where it
 * names an instance, that the emulator holds it so.
 */
class PywinrmIT {
    private static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    private static final String POOL_NAME = "pywinrm-pool";

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.secured();

    private static RealClient.Run run;

    @BeforeAll
    static void runTheClient() {
        RealClient.requireRunnable("apt-get install python3-winrm", "/usr/bin/python3", "-c", "import winrm");
        run = RealClient.run(EMULATOR.emulator().endpointUri(), RunningEmulator.USER, RunningEmulator.PASSWORD,
                RealClient.directory("pywinrm"), 120, Map.of("HVEMU_POOL_NAME", POOL_NAME), "/usr/bin/python3", "flow.py");
    }

    @Test
    void everyOperationPywinrmCanDoSucceeds() {
        run.assertOk("identify", "get-service", "enumerate-optimized", "enumerate-pull", "enumerate-epr",
                "enumerate-objepr", "release", "selector-filter", "wql", "create-pool", "poll-job", "get-pool",
                "association-filter", "wql-associators", "fault");
    }

    @Test
    void identifiesAsWindows() {
        assertThat(run.value("identify", "ProductVendor")).isEqualTo("Microsoft Corporation");
        assertThat(run.value("identify", "ProtocolVersion")).isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    }

    @Test
    void getsTheServiceByItsFourKeys() {
        assertThat(run.value("get-service", "Class")).isEqualTo("Msvm_ResourcePoolConfigurationService");
        assertThat(run.value("get-service", "Name")).isEqualTo("poolcfgsvc");
        assertThat(run.value("get-service", "SystemName")).isEqualTo("HVCLU01");
    }

    @Test
    void enumeratesOptimizedAndByPullAlike() {
        int devices = PoolService.instances(server(), "Msvm_Memory").size();
        assertThat(run.value("enumerate-optimized", "Items")).isEqualTo(String.valueOf(devices));
        assertThat(run.value("enumerate-optimized", "Replies")).isEqualTo("1");
        assertThat(run.value("enumerate-pull", "Items")).isEqualTo(String.valueOf(devices));
        assertThat(run.value("enumerate-pull", "Replies")).as("the Enumerate, then Pulls of 2").isEqualTo("3");
        assertThat(run.value("enumerate-pull", "DeviceIDs")).isEqualTo(run.value("enumerate-optimized", "DeviceIDs"));
    }

    @Test
    void enumeratesReferencesAndObjectsWithReferences() {
        assertThat(run.value("enumerate-epr", "Items")).isEqualTo(String.valueOf(PoolService.instances(server(), "Msvm_Memory").size()));
        assertThat(run.value("enumerate-epr", "ResourceURIs")).isEqualTo(WMI + "Msvm_Memory");
        assertThat(run.value("enumerate-objepr", "Pairs")).isEqualTo("4");
    }

    @Test
    void releasesAnEnumerationWhoseContextThenFaults() {
        assertThat(run.value("release", "Action")).isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse");
        assertThat(run.value("release", "PullAfterRelease")).isEqualTo("n:InvalidEnumerationContext 2150858779");
    }

    @Test
    void filtersBySelectorsAndByWql() {
        assertThat(run.value("selector-filter", "Items")).isEqualTo("2");
        assertThat(run.value("selector-filter", "SystemNames")).isEqualTo("HV-NODE1");
        assertThat(run.value("wql", "Items")).isEqualTo("2");
        assertThat(run.value("wql", "SystemNames")).isEqualTo("HV-NODE2");
    }

    @Test
    void createsAPoolOfTwoDevicesAndFollowsItsJobToCompletion() {
        assertThat(run.value("create-pool", "ReturnValue")).isEqualTo("4096");
        assertThat(run.value("create-pool", "HostResources")).isEqualTo("2");
        assertThat(run.value("poll-job", "JobState")).isEqualTo("7");
        assertThat(run.value("poll-job", "PercentComplete")).isEqualTo("100");
        String pool = run.value("create-pool", "Pool");
        assertThat(run.value("get-pool", "InstanceID")).isEqualTo(pool);
        assertThat(run.value("get-pool", "ElementName")).isEqualTo(POOL_NAME);
        Map<String, String> held = PoolService.get(server(), "Msvm_ResourcePool", pool);
        assertThat(held).containsEntry("ElementName", POOL_NAME)
                .containsEntry("Capacity", run.value("get-pool", "Capacity"));
        assertThat(PoolService.get(server(), "Msvm_ConcreteJob", run.value("create-pool", "Job")))
                .containsEntry("JobState", "7");
    }

    @Test
    void findsThePoolFromItsJobByFilterAndByWql() {
        String pool = run.value("create-pool", "Pool");
        for (String operation : new String[] {"association-filter", "wql-associators"}) {
            assertThat(run.value(operation, "Items")).as(operation).isEqualTo("1");
            assertThat(run.value(operation, "InstanceID")).as(operation).isEqualTo(pool);
            assertThat(run.value(operation, "ElementName")).as(operation).isEqualTo(POOL_NAME);
        }
    }

    @Test
    void aMissingInstanceIsAWinRMErrorCarryingTheFault() {
        assertThat(run.value("fault", "Exception")).isEqualTo("WinRMError");
        assertThat(run.value("fault", "HttpStatus")).isEqualTo("500");
        assertThat(run.value("fault", "WSManFaultCode")).isEqualTo("2150858752");
        assertThat(run.value("fault", "Subcode")).isEqualTo("a:DestinationUnreachable");
    }

    @Test
    void theShellApiIsAnsweredWithAFault() {
        RealClient.Outcome shell = run.outcome("shell");
        assertThat(shell.status()).as(shell.detail()).isEqualTo("unsupported");
        assertThat(shell.detail()).contains("a:DestinationUnreachable 2150858752",
                "The service cannot find the resource identified by the resource URI");
    }

    private static WsmanClient server() {
        return EMULATOR.authenticated();
    }
}
