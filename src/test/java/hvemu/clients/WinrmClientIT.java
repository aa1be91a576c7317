package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import hvemu.job.JobProgression;
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
 * npm's winrm-client 0.0.11 over NTLM ({@code src/test/clients/winrm-client/flow.js}): a handshake per request
 * on a new connection (an empty probe, then {@code Negotiate} with the NEGOTIATE_MESSAGE, then the
 * AUTHENTICATE_MESSAGE with the SOAP body), no message encryption, so on loopback. Its {@code node_modules} come
 * from {@code npm ci} in that directory, run here when they are missing.
 */
class WinrmClientIT {
    private static final String USER = "HVLAB\\hvadmin";

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.with(b -> b.credentials(USER, RunningEmulator.PASSWORD)
            .jobs(JobProgression.parse("immediate")));

    private static RealClient.Run run;

    @BeforeAll
    static void runTheClient() throws IOException, InterruptedException {
        RealClient.require("node", "apt-get install nodejs npm");
        Path dir = RealClient.directory("winrm-client");
        if (!Files.isDirectory(dir.resolve("node_modules/winrm-client"))) {
            RealClient.require("npm", "apt-get install npm");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                String message = "npm ci of winrm-client failed:\n" + output;
                if ("required".equals(System.getenv("HVEMU_REAL_CLIENTS"))) {
                    fail(message);
                }
                Assumptions.abort(message);
            }
        }
        run = RealClient.run(EMULATOR.emulator().endpointUri(), USER, RunningEmulator.PASSWORD, dir, 60, Map.of(),
                "node", "flow.js");
    }

    @Test
    void authenticatesEveryRequestOnItsOwnConnection() {
        run.assertOk("identify", "get-service", "create-pool", "wrong-password");
        assertThat(run.outcome("identify").fields()).containsEntry("ProductVersion", "OS: 10.0.20348 SP: 0.0 Stack: 3.0");
        assertThat(run.outcome("get-service").fields()).containsEntry("Name", "poolcfgsvc").containsEntry("SystemName", "HVCLU01");
        assertThat(run.outcome("create-pool").fields()).containsEntry("ReturnValue", "4096");
    }

    @Test
    void aWrongPasswordGets401() {
        assertThat(run.outcome("wrong-password").fields()).containsEntry("Refused", "yes").containsEntry("HttpStatus", "401");
    }
}
