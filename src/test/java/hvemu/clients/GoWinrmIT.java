package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Go library github.com/masterzen/winrm (Debian's {@code golang-github-masterzen-winrm-dev}, built with
 * Debian's Go in GOPATH mode) drives a secured emulator: {@code src/test/clients/go/flow.go} builds WS-Man
 * messages with the library's soap package and DOM, posts them through the client's Transporter (Basic), and runs
 * the library's own WinRS API, {@code RunWithString}, which hvemu does not serve.
 *
 * <p>Without {@code go} or the library's sources the suite is skipped, or fails when
 * {@code HVEMU_REAL_CLIENTS=required}. What the client cannot do is in {@code docs/clients.md}.
 */
class GoWinrmIT {
    private static final String POOL_NAME = "GoWinrmPool";
    private static final Path GOCODE = Path.of("/usr/share/gocode");

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.secured();

    private static RealClient.Run run;

    @BeforeAll
    static void buildAndRunTheClient() throws IOException, InterruptedException {
        Path binary = build();
        run = RealClient.run(EMULATOR.emulator().endpointUri(), RunningEmulator.USER, RunningEmulator.PASSWORD,
                RealClient.directory("go"), 120, Map.of("HVEMU_POOL_NAME", POOL_NAME), binary.toString());
    }

    /**
     * Builds flow.go into target/go-client with Debian's Go and library sources (GOPATH mode, no network); skips
     * the suite (or fails it, when real clients are required) without them. Also used by {@link GoWinrmNtlmIT}.
     */
    static Path build() throws IOException, InterruptedException {
        String hint = "apt-get install golang-go golang-github-masterzen-winrm-dev";
        RealClient.require("go", hint);
        if (!Files.isDirectory(GOCODE.resolve("src/github.com/masterzen/winrm"))) {
            String message = "masterzen/winrm is not installed under " + GOCODE + " (" + hint + ")";
            if ("required".equals(System.getenv("HVEMU_REAL_CLIENTS"))) {
                fail(message + ", and HVEMU_REAL_CLIENTS=required");
            }
            Assumptions.abort(message);
        }
        Path out = Path.of("target", "go-client").toAbsolutePath();
        Files.createDirectories(out);
        Path binary = out.resolve("flow");
        ProcessBuilder builder = new ProcessBuilder("go", "build", "-o", binary.toString(), "flow.go")
                .directory(RealClient.directory("go").toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", out.resolve("gopath") + ":" + GOCODE);
        env.put("GOCACHE", out.resolve("cache").toString());
        env.put("GOFLAGS", "");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail("go build of flow.go failed:\n" + output);
        }
        return binary;
    }

    @Test
    void runsEveryOperationItCanWithoutAFailure() {
        run.assertOk("identify", "get", "enumerate", "enumerate-optimized", "release", "enumerate-epr", "selector-filter",
                "wql", "create-resource-pool", "job", "association", "find-pool");
    }

    @Test
    void identifiesTheServer() {
        assertThat(run.outcome("identify").fields())
                .containsEntry("ProductVendor", "Microsoft Corporation")
                .containsEntry("ProtocolVersion", "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    }

    @Test
    void getsTheServiceByItsFourKeys() {
        assertThat(run.outcome("get").fields())
                .containsEntry("Name", "poolcfgsvc").containsEntry("SystemName", "HVCLU01").containsEntry("EnabledState", "2");
    }

    @Test
    void enumeratesWithAContextAndOptimizedInBatchesOfFive() {
        assertThat(run.outcome("enumerate").fields()).containsEntry("count", "16").containsEntry("primordial", "16");
        // 16 pools: 5 with the EnumerateResponse, then Pulls of 5, 5 and the last 1.
        assertThat(run.outcome("enumerate-optimized").fields())
                .containsEntry("count", "16").containsEntry("primordial", "16").containsEntry("pulls", "3");
    }

    @Test
    void releasesAContextThatThenCannotBePulled() {
        assertThat(run.detail("release")).contains("then Pull fault n:InvalidEnumerationContext");
    }

    @Test
    void findsDevicesByEprEnumerationSelectorFilterAndWql() {
        assertThat(run.outcome("enumerate-epr").fields()).containsEntry("count", "2");
        assertThat(run.outcome("enumerate-epr").fields().get("first")).startsWith("HV-NODE1/Microsoft:");
        assertThat(run.outcome("selector-filter").fields()).containsEntry("count", "2").containsEntry("SystemName", "HV-NODE2");
        assertThat(run.outcome("wql").fields()).containsEntry("count", "2");
        assertThat(run.outcome("wql").fields().get("first")).startsWith("HV-NODE2/Microsoft:");
    }

    @Test
    void createsAPoolOfBothNodesMemoryAndPollsTheJobToCompletion() {
        Map<String, String> created = run.outcome("create-resource-pool").fields();
        assertThat(created).containsEntry("ReturnValue", "4096");
        assertThat(created.get("Job")).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}");
        Map<String, String> job = run.outcome("job").fields();
        assertThat(job).containsEntry("JobState", "7").containsEntry("PercentComplete", "100");
        assertThat(job.get("states")).startsWith("2").endsWith(",7");
    }

    @Test
    void findsThePoolFromItsJobByTheAssociationFilterAndByWql() {
        String pool = run.outcome("create-resource-pool").fields().get("Pool");
        assertThat(run.outcome("association").fields()).containsEntry("ElementName", POOL_NAME).containsEntry("InstanceID", pool);
        assertThat(run.outcome("find-pool").fields())
                .containsEntry("ElementName", POOL_NAME)
                .containsEntry("ResourceType", "4")
                .containsEntry("Capacity", "262144")
                .containsEntry("AllocationUnits", "byte*2^20")
                .containsEntry("Primordial", "false")
                .containsEntry("wql", "1");
    }

    @Test
    void answersTheWinrsShellWithAFault() {
        RealClient.Outcome winrs = run.outcome("winrs");
        assertThat(winrs.status()).isEqualTo("unsupported");
        assertThat(winrs.detail()).contains("fault a:DestinationUnreachable")
                .contains("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd");
    }

    /** The {@code key=value} fields of a client's detail; a value may be quoted. */
}
