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
 * wsl 0.2.1 (Debian {@code wsl}, Dell's "Wsman Shell commandLine": bash, curl and xmllint) drives hvemu one
 * wsl command per operation ({@code src/test/clients/wsl/flow.sh}), then once more with uuidgen off the PATH,
 * so that every request carries an empty MessageID. Each test checks what wsl itself received, and where it
 * names an instance, that the emulator holds it so.
 */
class WslIT {
    private static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    private static final String DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private static final String POOL_NAME = "wsl-pool";
    private static final String INSTALL = "apt-get install wsl uuid-runtime libxml2-utils curl";

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.secured();

    private static RealClient.Run run;
    private static RealClient.Run withoutUuidgen;

    @BeforeAll
    static void runTheClient() {
        for (String command : new String[] {"wsl", "wslenum", "xmllint", "uuidgen", "curl"}) {
            RealClient.require(command, INSTALL);
        }
        run = flow(POOL_NAME);
        withoutUuidgen = flow(POOL_NAME + "-2", "--no-uuidgen");
    }

    private static RealClient.Run flow(String poolName, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = RealClient.directory("wsl").resolve("flow.sh").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return RealClient.run(EMULATOR.emulator().endpointUri(), RunningEmulator.USER, RunningEmulator.PASSWORD,
                RealClient.directory("wsl"), 180, Map.of("HVEMU_POOL_NAME", poolName), command);
    }

    @Test
    void everyOperationWslCanDoSucceeds() {
        run.assertOk("identify", "get-service", "get-service-dmtf", "enumerate-optimized",
                "enumerate-optimized-batches", "enumerate-pull", "enumerate-epr", "enumerate-objepr", "enumerate-dmtf",
                "selector-filter", "wql", "cql", "create-pool", "poll-job", "get-pool", "get-pool-dmtf",
                "associated-instances", "association-instances", "create-pool-inst");
    }

    @Test
    void identifiesAsWindows() {
        assertThat(run.value("identify", "ProductVendor")).isEqualTo("Microsoft Corporation");
        assertThat(run.value("identify", "ProtocolVersion")).isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    }

    @Test
    void getsTheServiceByWmiUriAndByCimClassNameWithItsNamespace() {
        assertThat(run.value("get-service", "Namespace")).isEqualTo(WMI + "Msvm_ResourcePoolConfigurationService");
        assertThat(run.value("get-service-dmtf", "Namespace")).isEqualTo(DMTF + "Msvm_ResourcePoolConfigurationService");
        assertThat(run.value("get-service-dmtf", "SystemName")).isEqualTo("HVCLU01");
    }

    @Test
    void enumeratesOptimizedInBatchesAndByAPullLoopThatEnds() {
        String devices = String.valueOf(PoolService.instances(server(), "Msvm_Memory").size());
        for (String operation : new String[] {"enumerate-optimized", "enumerate-optimized-batches", "enumerate-pull",
            "enumerate-epr", "enumerate-objepr"}) {
            assertThat(run.value(operation, "Items")).as(operation).isEqualTo(devices);
        }
        assertThat(run.value("enumerate-optimized", "Replies")).isEqualTo("1");
        assertThat(run.value("enumerate-optimized-batches", "Replies")).as("3 items, then the last").isEqualTo("2");
        assertThat(run.value("enumerate-pull", "Replies")).as("the Enumerate, then one Pull per item")
                .isEqualTo(String.valueOf(Integer.parseInt(devices) + 1));
        assertThat(run.value("enumerate-dmtf", "Items")).isEqualTo("1");
    }

    @Test
    void filtersBySelectorsWqlAndCql() {
        assertThat(run.value("selector-filter", "Items")).isEqualTo("2");
        assertThat(run.value("wql", "Items")).isEqualTo("2");
        long primordial = PoolService.instances(server(), "CIM_ResourcePool").stream()
                .filter(pool -> "true".equals(pool.get("Primordial"))).count();
        assertThat(run.value("cql", "Items")).isEqualTo(String.valueOf(primordial));
    }

    @Test
    void createsAPoolOfTwoDeviceReferencesAndFollowsItsJobToCompletion() {
        assertThat(run.value("create-pool", "ReturnValue")).isEqualTo("4096");
        assertThat(run.value("create-pool", "HostResources")).isEqualTo("2");
        assertThat(run.value("poll-job", "JobState")).isEqualTo("7");
        String pool = run.value("create-pool", "Pool");
        for (String operation : new String[] {"get-pool", "get-pool-dmtf"}) {
            assertThat(run.value(operation, "InstanceID")).as(operation).isEqualTo(pool);
            assertThat(run.value(operation, "ElementName")).as(operation).isEqualTo(POOL_NAME);
        }
        assertThat(run.value("get-pool-dmtf", "Namespace")).isEqualTo(DMTF + "Msvm_ResourcePool");
        assertThat(PoolService.get(server(), "Msvm_ResourcePool", pool)).containsEntry("ElementName", POOL_NAME)
                .containsEntry("Capacity", run.value("get-pool", "Capacity"));
    }

    @Test
    void invokesAtTheServicesDmtfAddressCopiedFromAnEprFile() {
        assertThat(run.value("create-pool-inst", "ReturnValue")).isEqualTo("4096");
        assertThat(run.value("create-pool-inst", "HostResources")).isEqualTo("0");
        assertThat(PoolService.exists(server(), "Msvm_ConcreteJob", run.value("create-pool-inst", "Job"))).isTrue();
    }

    @Test
    void findsThePoolAndTheJobsLinksThroughTheAssociationFilter() {
        assertThat(run.value("associated-instances", "Classes")).contains("Msvm_ResourcePool");
        assertThat(run.value("associated-instances", "PoolInstanceID")).isEqualTo(run.value("create-pool", "Pool"));
        assertThat(run.value("associated-instances", "PoolElementName")).isEqualTo(POOL_NAME);
        assertThat(run.value("association-instances", "Classes")).contains("Msvm_AffectedJobElement");
    }

    @Test
    void putIsBeyondWslAndChangesNothing() {
        RealClient.Outcome put = run.outcome("put");
        assertThat(put.status()).as(put.detail()).isEqualTo("unsupported");
        assertThat(PoolService.get(server(), "Msvm_ResourcePool", run.value("create-pool", "Pool")))
                .containsEntry("ElementName", POOL_NAME);
    }

    @Test
    void requestsWithAnEmptyMessageIdAreServed() {
        withoutUuidgen.assertOk("get-service", "enumerate-pull", "create-pool", "poll-job", "empty-messageid");
        assertThat(withoutUuidgen.value("poll-job", "JobState")).isEqualTo("7");
        assertThat(PoolService.get(server(), "Msvm_ResourcePool", withoutUuidgen.value("create-pool", "Pool")))
                .containsEntry("ElementName", POOL_NAME + "-2");
    }

    private static WsmanClient server() {
        return EMULATOR.authenticated();
    }
}
