package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * winrm4j 0.12.3 (Maven {@code io.cloudsoft.windows:winrm4j}, Apache CXF 3.3.9) with NTLM and
 * {@code PayloadEncryptionMode.REQUIRED}, the encryption winrm4j's users turn on for Windows' defaults.
 * winrm4j speaks WinRS only, which hvemu does not serve: the suite drives its handshake and its first sealed
 * request, the shell Create, and checks that winrm4j unseals hvemu's sealed fault for the shell resource
 * ({@code src/test/clients/winrm4j/Flow.java}). The emulator listens on every address, where plain-text SOAP is
 * refused, so the fault came back only because the Create was sealed.
 *
 * <p>CXF 3.3.9 cannot share the test class path with the OpenNMS client's CXF 3.1.4: the client runs in a
 * forked JVM (Java's source launcher) on its own class path, copied by Maven from
 * {@code src/test/clients/winrm4j/pom.xml} into {@code target/winrm4j/lib}.
 */
class Winrm4jIT {
    private static final String USER = "HVLAB\\hvadmin";

    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.with(b -> b.host("0.0.0.0")
            .credentials(USER, RunningEmulator.PASSWORD));

    private static RealClient.Run run;

    @BeforeAll
    static void runTheClient() throws IOException, InterruptedException {
        Path lib = libraries();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        URI endpoint = URI.create("http://127.0.0.1:" + EMULATOR.emulator().port() + "/wsman");
        run = RealClient.run(endpoint, USER, RunningEmulator.PASSWORD, RealClient.directory("winrm4j"), 180, Map.of(),
                java, "-cp", lib + "/*", "Flow.java");
    }

    /** Copies winrm4j and its dependencies into target/winrm4j/lib, unless they are there. */
    private static Path libraries() throws IOException, InterruptedException {
        Path lib = Path.of("target", "winrm4j", "lib").toAbsolutePath();
        if (Files.exists(lib.resolve("winrm4j-0.12.3.jar"))) {
            return lib;
        }
        RealClient.require("mvn", "apt-get install maven");
        Process process = new ProcessBuilder("mvn", "-q", "-B", "-f", RealClient.directory("winrm4j").resolve("pom.xml").toString(),
                "dependency:copy-dependencies", "-DoutputDirectory=" + lib).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            String message = "winrm4j could not be resolved from Maven Central:\n" + output;
            if ("required".equals(System.getenv("HVEMU_REAL_CLIENTS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return lib;
    }

    @Test
    void unsealsHvemusSealedFaultForItsShellCreate() {
        RealClient.Outcome shell = run.outcome("shell");
        assertThat(shell.status()).as(run.output()).isEqualTo("unsupported");
        assertThat(shell.detail()).contains("sealed Create was answered with a fault",
                "The service cannot find the resource identified by the resource URI and selectors.");
    }

    @Test
    void wrongCredentialsNeverReachTheService() {
        run.assertOk("wrong-password", "wrong-user");
        assertThat(run.value("wrong-password", "Refused")).isEqualTo("yes");
        assertThat(run.value("wrong-user", "Refused")).isEqualTo("yes");
    }
}
