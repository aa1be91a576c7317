package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.NegotiateConnection;
import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pywinrm 0.3.0 with its default transport, {@code ntlm} (requests-ntlm and ntlm-auth: NTLMv2 under
 * {@code WWW-Authenticate: Negotiate}, connection-bound), sealing every message as {@code multipart/encrypted}
 * with {@code message_encryption='always'} and with {@code 'auto'} over HTTP: the flow of {@link PywinrmIT}
 * ({@code src/test/clients/pywinrm/flow.py}, transport switched by {@code HVEMU_TRANSPORT}), run against an
 * emulator listening on every address with a {@code DOMAIN\name} user. There plain-text SOAP over HTTP is
 * refused, so every operation that succeeds went sealed both ways.
 *
 * <p>Debian 12's OpenSSL 3 keeps MD4 in its legacy provider; the client runs with
 * {@code OPENSSL_CONF=src/test/clients/pywinrm/openssl-legacy.cnf}.
 */
class PywinrmNtlmIT {
    private static final String DOMAIN = "HVLAB";
    private static final String NAME = "hvadmin";

    private static final Map<String, Emulator> EMULATORS = new LinkedHashMap<>();
    private static final Map<String, RealClient.Run> RUNS = new LinkedHashMap<>();

    /** One emulator per run, so that each run's pool takes the devices it asks for. */
    @BeforeAll
    static void runTheClient() {
        RealClient.requireRunnable("apt-get install python3-winrm", "/usr/bin/python3", "-c", "import winrm, requests_ntlm");
        String legacy = RealClient.directory("pywinrm").resolve("openssl-legacy.cnf").toString();
        for (String encryption : new String[] {"always", "auto"}) {
            Emulator emulator = Emulator.builder().host("0.0.0.0").port(0)
                    .credentials(DOMAIN + "\\" + NAME, RunningEmulator.PASSWORD).build().start();
            EMULATORS.put(encryption, emulator);
            RUNS.put(encryption, RealClient.run(endpoint(encryption), DOMAIN + "\\" + NAME, RunningEmulator.PASSWORD,
                    RealClient.directory("pywinrm"), 120, Map.of("HVEMU_POOL_NAME", "ntlm-" + encryption,
                            "HVEMU_TRANSPORT", "ntlm", "HVEMU_MESSAGE_ENCRYPTION", encryption, "OPENSSL_CONF", legacy),
                    "/usr/bin/python3", "flow.py"));
        }
    }

    /** NTLM over HTTPS: no message encryption ('auto' leaves it to TLS), plain text served beyond loopback. */
    @Test
    void authenticatesOverHttpsWithoutSealing() throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("hvemu-https");
        try (Emulator emulator = Emulator.builder().host("0.0.0.0").port(0).httpsPort(0).dataDir(dataDir)
                .credentials(DOMAIN + "\\" + NAME, RunningEmulator.PASSWORD).build().start()) {
            URI https = URI.create("https://127.0.0.1:" + emulator.httpsPort() + "/wsman");
            RealClient.Run run = RealClient.run(https, DOMAIN + "\\" + NAME, RunningEmulator.PASSWORD,
                    RealClient.directory("pywinrm"), 120, Map.of("HVEMU_POOL_NAME", "ntlm-https", "HVEMU_TRANSPORT", "ntlm",
                            "OPENSSL_CONF", RealClient.directory("pywinrm").resolve("openssl-legacy.cnf").toString(),
                            // pywinrm 0.3.0 takes requests' CA bundle from the environment even when told to
                            // ignore certificates: give it the emulator's, which names 127.0.0.1.
                            "REQUESTS_CA_BUNDLE", dataDir.resolve("https.crt").toString()),
                    "/usr/bin/python3", "flow.py");
            run.assertOk("identify", "get-service", "create-pool", "poll-job", "get-pool");
            assertThat(run.outcome("identify").fields()).containsEntry("Sealed", "no").containsEntry("SecurityProfiles",
                    "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic,"
                            + "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/spnego-kerberos");
        }
    }

    @AfterAll
    static void stop() {
        EMULATORS.values().forEach(Emulator::close);
    }

    /** The emulator of a run, reached on loopback; it listens beyond loopback all the same. */
    private static URI endpoint(String encryption) {
        return URI.create("http://127.0.0.1:" + EMULATORS.get(encryption).port() + "/wsman");
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "auto"})
    void everyOperationSucceedsSealed(String encryption) {
        RealClient.Run run = RUNS.get(encryption);
        run.assertOk("identify", "get-service", "enumerate-optimized", "enumerate-pull", "enumerate-epr",
                "enumerate-objepr", "release", "selector-filter", "wql", "create-pool", "poll-job", "get-pool",
                "association-filter", "wql-associators", "fault");
        assertThat(run.outcome("identify").fields()).containsEntry("Transport", "ntlm").containsEntry("Sealed", "yes")
                .containsEntry("SecurityProfiles", "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos");
        assertThat(run.value("identify", "ProductVersion")).as("authenticated").startsWith("OS: 10.0.20348");
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "auto"})
    void createsAPoolAndFollowsItsJobToCompletion(String encryption) {
        RealClient.Run run = RUNS.get(encryption);
        assertThat(run.value("create-pool", "ReturnValue")).isEqualTo("4096");
        assertThat(run.value("poll-job", "JobState")).isEqualTo("7");
        String pool = run.value("create-pool", "Pool");
        assertThat(run.value("get-pool", "InstanceID")).isEqualTo(pool);
        assertThat(run.value("get-pool", "ElementName")).isEqualTo("ntlm-" + encryption);
        try (NegotiateConnection server = NegotiateConnection.open(endpoint(encryption))) {
            assertThat(server.authenticate(NAME, DOMAIN, RunningEmulator.PASSWORD, false, null).status()).isEqualTo(200);
            NegotiateConnection.Response held = server.postSealed(Envelopes.get(Envelopes.wmi("Msvm_ResourcePool"),
                    "InstanceID", pool));
            assertThat(held.status()).isEqualTo(200);
            assertThat(held.text()).contains("<p:ElementName>ntlm-" + encryption + "</p:ElementName>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "auto"})
    void faultsComeBackSealedAndReadable(String encryption) {
        RealClient.Run run = RUNS.get(encryption);
        assertThat(run.value("fault", "HttpStatus")).isEqualTo("500");
        assertThat(run.value("fault", "Subcode")).isEqualTo("a:DestinationUnreachable");
        assertThat(run.outcome("shell").status()).isEqualTo("unsupported");
    }
}
