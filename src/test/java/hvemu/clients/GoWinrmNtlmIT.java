package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * masterzen/winrm's {@code ClientNTLM} (go-ntlmssp's Negotiator: an anonymous try, then NTLMv2 under
 * {@code WWW-Authenticate: Negotiate} on the same connection, no message encryption), through the flow of
 * {@link GoWinrmIT} with {@code HVEMU_TRANSPORT=ntlm}. go-ntlmssp refuses a challenge with flags it did not ask
 * for (key exchange), so this is also the check that hvemu's challenge mirrors the client's request.
 *
 * <p>On loopback the plain-text messages are served; on a listener beyond loopback they are refused with 401,
 * as Windows refuses them while AllowUnencrypted is false.
 */
class GoWinrmNtlmIT {
    private static final String POOL_NAME = "GoNtlmPool";
    private static RealClient.Run onLoopback;
    private static RealClient.Run beyondLoopback;

    @BeforeAll
    static void buildAndRunTheClient() throws IOException, InterruptedException {
        Path binary = GoWinrmIT.build();
        Map<String, String> env = Map.of("HVEMU_POOL_NAME", POOL_NAME, "HVEMU_TRANSPORT", "ntlm");
        try (Emulator loopback = Emulator.builder().port(0).credentials(RunningEmulator.USER, RunningEmulator.PASSWORD)
                .build().start()) {
            onLoopback = RealClient.run(loopback.endpointUri(), RunningEmulator.USER, RunningEmulator.PASSWORD,
                    RealClient.directory("go"), 120, env, binary.toString());
        }
        try (Emulator everywhere = Emulator.builder().host("0.0.0.0").port(0)
                .credentials(RunningEmulator.USER, RunningEmulator.PASSWORD).build().start()) {
            beyondLoopback = RealClient.run(URI.create("http://127.0.0.1:" + everywhere.port() + "/wsman"),
                    RunningEmulator.USER, RunningEmulator.PASSWORD, RealClient.directory("go"), 120, env, binary.toString());
        }
    }

    @Test
    void runsEveryOperationOverNtlmOnLoopback() {
        onLoopback.assertOk("identify", "get", "enumerate", "enumerate-optimized", "release", "enumerate-epr",
                "selector-filter", "wql", "create-resource-pool", "job", "association", "find-pool");
        assertThat(onLoopback.outcome("create-resource-pool").fields()).containsEntry("ReturnValue", "4096");
        assertThat(onLoopback.outcome("job").fields()).containsEntry("JobState", "7");
        assertThat(onLoopback.outcome("find-pool").fields()).containsEntry("ElementName", POOL_NAME);
    }

    @Test
    void isRefusedBeyondLoopbackWithoutMessageEncryption() {
        RealClient.Outcome identify = beyondLoopback.outcome("identify");
        assertThat(identify.status()).isEqualTo("fail");
        assertThat(identify.detail()).contains("401");
    }
}
