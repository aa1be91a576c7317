package hvemu.provider.pool;

import static hvemu.testsupport.Pools.create;
import static hvemu.testsupport.Pools.memory;
import static hvemu.testsupport.Pools.returnValue;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The return codes that depend on the topology (docs/semantics.md): synchronous mode (0), a disabled
 * service or a method switched off (1), a deadline (3), a node that is down (4), a size that does not
 * fit (4097), and the scope of a service hosted on a node (5).
 */
class CreateResourcePoolTopologiesIT {
    private static final String ASYNC = "AsynchronousMethodsSupported = {2, 3, 4, 5, 6, 7};";
    private static final String SYNC_NONE = "SynchronousMethodsSupported  = {};";

    @TempDir
    Path dir;

    private Emulator start(Map<String, String> replacements, String appended, UnaryOperator<Emulator.Builder> more) {
        Path topology = Pools.topology(dir, replacements, appended);
        return more.apply(Emulator.builder().port(0).topology(topology)).build().start();
    }

    private static HttpExchange call(Emulator e, String request) {
        HttpExchange reply = WsmanClient.of(e.endpointUri()).post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void completesSynchronouslyWithZeroAndNoJob() {
        try (Emulator e = start(Map.of(ASYNC, "AsynchronousMethodsSupported = {3, 4, 5, 6, 7};",
                SYNC_NONE, "SynchronousMethodsSupported  = {2};"), "", b -> b.jobs(JobProgression.immediate()))) {
            HttpExchange reply = call(e, create("SyncMem", "4", memory(1, 0)));
            assertThat(returnValue(reply)).isEqualTo(0);
            Xml.at(reply.body()).valueByXPath("//*[local-name()='Job']/@*[local-name()='nil']").isEqualTo("true");
            HttpExchange pool = WsmanClient.of(e.endpointUri()).post(Pools.getOf(reply, "Pool"));
            assertThat(pool.status()).as("the pool exists when the call returns").isEqualTo(200);
            assertThat(pool.body()).contains("<p:Capacity>131072</p:Capacity>");
        }
    }

    @Test
    void timesOutWhenSynchronousWorkOutlastsTheOperationTimeout() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T12:00:00Z"));
        try (Emulator e = start(Map.of(ASYNC, "AsynchronousMethodsSupported = {};",
                SYNC_NONE, "SynchronousMethodsSupported  = {2};"), "",
                b -> b.clock(clock).jobs(JobProgression.timed(Duration.ofSeconds(90))))) {
            // The request waits PT60.000S; the work takes 90 s of the emulator's clock.
            assertThat(returnValue(call(e, create("Slow", "4", memory(1, 1))))).isEqualTo(3);
            assertThat(clock.now()).as("the call waited its deadline").isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
            assertThat(returnValue(call(e, create("Slow", "4", memory(1, 1)
                    )))).as("nothing was made or reserved").isEqualTo(3);
        }
    }

    @Test
    void answersNotSupportedWhenTheServiceIsDisabledOrTheMethodOff() {
        try (Emulator e = start(Map.of("    Started                 = TRUE;", "    Started                 = FALSE;",
                "    Name                    = \"poolcfgsvc\";\n    ElementName             = \"Resource Pool Configuration Service\";\n"
                        + "    Caption                 = \"Resource Pool Configuration Service\";\n    EnabledState            = 2;",
                "    Name                    = \"poolcfgsvc\";\n    ElementName             = \"Resource Pool Configuration Service\";\n"
                        + "    Caption                 = \"Resource Pool Configuration Service\";\n    EnabledState            = 3;"),
                "", b -> b)) {
            assertThat(returnValue(call(e, create("Off", "4", memory(1, 0))))).isEqualTo(1);
        }
        try (Emulator e = start(Map.of(ASYNC, "AsynchronousMethodsSupported = {3, 4, 5, 6, 7};"), "", b -> b)) {
            assertThat(returnValue(call(e, create("Off", "4", memory(1, 0))))).isEqualTo(1);
        }
    }

    @Test
    void failsOnDevicesOfANodeThatIsDown() {
        String node2 = "    Name              = \"HV-NODE2\";\n    ElementName       = \"HV-NODE2\";\n"
                + "    Caption           = \"Hosting Computer System\";\n    Description       = \"Microsoft Hosting Computer System\";\n"
                + "    EnabledState      = 2;";
        try (Emulator e = start(Map.of(node2, node2.replace("EnabledState      = 2;", "EnabledState      = 3;")), "",
                b -> b.jobs(JobProgression.immediate()))) {
            assertThat(returnValue(call(e, create("Down", "4", memory(2, 0))))).isEqualTo(4);
            HttpExchange up = call(e, create("Up", "4", memory(1, 0)));
            assertThat(returnValue(up)).isEqualTo(4096);
            String pool = hvemu.testsupport.PoolService.pool(Pools.selector(up, "Pool", "InstanceID"));
            assertThat(returnValue(call(e, hvemu.testsupport.PoolService.call("AddResourcesToResourcePool",
                    hvemu.testsupport.PoolService.param("HostResources", memory(2, 0)),
                    hvemu.testsupport.PoolService.param("Pool", pool))))).as("adding a device of the node that is down")
                    .isEqualTo(4);
        }
    }

    @Test
    void answersSizeNotSupportedWhenTheCapacityDoesNotFit() {
        String huge = """
                instance of Msvm_Memory as $HugeMem
                {
                    SystemCreationClassName = "Msvm_ComputerSystem";
                    SystemName              = "HV-NODE1";
                    CreationClassName       = "Msvm_Memory";
                    DeviceID                = "Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\\\9";
                    BlockSize               = 9223372036854775807;
                    NumberOfBlocks          = 2;
                    EnabledState            = 2;
                };
                instance of Msvm_SystemDevice { GroupComponent = $Node1; PartComponent = $HugeMem; };
                """;
        try (Emulator e = start(Map.of(), huge, b -> b)) {
            assertThat(returnValue(call(e, create("Huge", "4",
                    Pools.device("Msvm_Memory", "HV-NODE1", "Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\9")))))
                    .isEqualTo(4097);
        }
    }

    @Test
    void limitsAServiceHostedOnANodeToThatNode() {
        try (Emulator e = start(Map.of("    SystemName              = \"HVCLU01\";\n    CreationClassName       = \"Msvm_ResourcePoolConfigurationService\";",
                "    SystemName              = \"HV-NODE1\";\n    CreationClassName       = \"Msvm_ResourcePoolConfigurationService\";",
                "    Antecedent = $Cluster;\n    Dependent  = $Service;", "    Antecedent = $Node1;\n    Dependent  = $Service;"),
                "", b -> b.jobs(JobProgression.immediate()))) {
            String node2Device = Pools.invoke(Pools.WMI + Pools.SERVICE, "CreateResourcePool", "HV-NODE1",
                    Pools.input(Pools.WMI + Pools.SERVICE, "Far", "4", memory(2, 0)), "");
            assertThat(returnValue(call(e, node2Device))).isEqualTo(5);
            String node1Device = Pools.invoke(Pools.WMI + Pools.SERVICE, "CreateResourcePool", "HV-NODE1",
                    Pools.input(Pools.WMI + Pools.SERVICE, "Near", "4", memory(1, 0)), "");
            assertThat(returnValue(call(e, node1Device))).isEqualTo(4096);
        }
    }
}
