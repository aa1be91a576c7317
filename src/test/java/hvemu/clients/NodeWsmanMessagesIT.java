package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The npm message builder {@code @device-management-toolkit/wsman-messages} 5.14.1 (Intel's Open AMT toolkit)
 * drives a secured emulator: {@code src/test/clients/node/flow.js} builds every message with the library and
 * sends it with Node's {@code http}, answering the 401 challenge with Basic. Its envelopes are the library's:
 * default-namespace SOAP, no mustUnderstand, {@code <a:To>/wsman</a:To>}, integer MessageIDs.
 *
 * <p>Node is optional (issue 6: "when Node is present"): without {@code node} the suite is skipped even when
 * {@code HVEMU_REAL_CLIENTS=required}; with it, missing {@code node_modules} ({@code npm ci}, run by
 * {@code .ci/run}) skips, or fails when real clients are required. What the library cannot do is in
 * {@code docs/clients.md}.
 */
class NodeWsmanMessagesIT {
    private static final String POOL_NAME = "NodeWsmanMessagesPool";

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.secured();

    private static RealClient.Run run;

    @BeforeAll
    static void runTheClient() {
        Assumptions.assumeTrue(RealClient.onPath("node"), "node is not installed; the wsman-messages suite needs Node");
        Path dir = RealClient.directory("node");
        if (!Files.isDirectory(dir.resolve("node_modules/@device-management-toolkit/wsman-messages"))) {
            String message = "wsman-messages is not installed in " + dir + " (run npm ci there)";
            if ("required".equals(System.getenv("HVEMU_REAL_CLIENTS"))) {
                fail(message + ", and HVEMU_REAL_CLIENTS=required");
            }
            Assumptions.abort(message);
        }
        run = RealClient.run(EMULATOR.emulator().endpointUri(), RunningEmulator.USER, RunningEmulator.PASSWORD, dir, 120,
                Map.of("HVEMU_POOL_NAME", POOL_NAME), "node", "flow.js");
    }

    @Test
    void runsEveryOperationItCanWithoutAFailure() {
        run.assertOk("get", "enumerate", "create-resource-pool", "job", "find-pool");
    }

    @Test
    void getsTheServiceByItsFourKeys() {
        assertThat(run.outcome("get").fields())
                .containsEntry("Name", "poolcfgsvc").containsEntry("SystemName", "HVCLU01").containsEntry("EnabledState", "2");
    }

    @Test
    void enumeratesWithAContextAndPullsToTheEnd() {
        // The default topology's 16 primordial pools, in the one Pull of MaxElements 999.
        assertThat(run.outcome("enumerate").fields())
                .containsEntry("count", "16").containsEntry("primordial", "16").containsEntry("pulls", "1");
    }

    @Test
    void createsAPoolWithTwoEndpointReferencesAndGetsAJob() {
        Map<String, String> created = run.outcome("create-resource-pool").fields();
        assertThat(created).containsEntry("ReturnValue", "4096");
        assertThat(created.get("Job")).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}");
        assertThat(created.get("Pool")).matches("Microsoft:[0-9A-F-]{36}");
    }

    @Test
    void pollsTheJobToCompletion() {
        Map<String, String> job = run.outcome("job").fields();
        assertThat(job).containsEntry("JobState", "7").containsEntry("PercentComplete", "100");
        assertThat(job.get("states")).startsWith("2").endsWith(",7");
    }

    @Test
    void findsThePoolItMade() {
        assertThat(run.outcome("find-pool").fields())
                .containsEntry("ElementName", POOL_NAME)
                .containsEntry("ResourceType", "4")
                .containsEntry("Capacity", "262144") // two NUMA nodes' memory of 128 GiB each, in MiB
                .containsEntry("AllocationUnits", "byte*2^20")
                .containsEntry("Primordial", "false")
                .containsEntry("count", "17");
    }

    @Test
    void reportsWhatTheLibraryCannotBuild() {
        for (String operation : new String[] {"identify", "release", "enumerate-optimized", "enumerate-epr", "wql",
                "selector-filter", "association"}) {
            assertThat(run.outcome(operation).status()).as(operation).isEqualTo("unsupported");
        }
    }

    /** The {@code key=value} fields of a client's detail; a value may be quoted. */
}
