package hvemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import hvemu.control.ScenarioException;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.WsmanClient;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * When the extension starts and stops its emulator, and how it reports settings it cannot use: each case is a
 * test class run in a nested JUnit engine, whose events are then read.
 */
class ExtensionLifecycleIT {
    private static final List<HvemuRuntimeInfo> SEEN = new ArrayList<>();
    private static final List<URI> ENDPOINTS = new ArrayList<>();

    /** Notes what a test was given (the URLs while they are valid: the emulator runs). */
    private static void seen(HvemuRuntimeInfo hvemu, URI endpoint) {
        SEEN.add(hvemu);
        ENDPOINTS.add(endpoint);
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        SEEN.clear();
        ENDPOINTS.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    /** Returns what failed the class {@code testClass}, which must fail before any of its tests runs. */
    private static Throwable classFailure(Class<?> testClass) {
        EngineExecutionResults results = run(testClass);
        assertThat(results.testEvents().started().count()).as("tests started").isZero();
        return results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError(testClass.getSimpleName() + " did not fail"));
    }

    private static void assertStopped(URI endpoint) {
        assertThatThrownBy(() -> WsmanClient.of(endpoint).post(Envelopes.IDENTIFY))
                .as("nothing listens on %s any more", endpoint).hasCauseInstanceOf(ConnectException.class);
    }

    @HvemuTest(resetBeforeEach = false)
    static class TwoTests {
        @Test
        void first(HvemuRuntimeInfo hvemu) {
            seen(hvemu, hvemu.endpointUri());
        }

        @Test
        void second(HvemuRuntimeInfo hvemu) {
            seen(hvemu, hvemu.endpointUri());
        }
    }

    static class TwoTestsPerTest {
        @RegisterExtension
        final HvemuExtension hvemu = HvemuExtension.builder().build();

        @Test
        void first(HvemuRuntimeInfo hvemu) {
            seen(hvemu, hvemu.endpointUri());
            assertThat(WsmanClient.of(hvemu.endpointUri()).post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        }

        @Test
        void second(HvemuRuntimeInfo hvemu) {
            first(hvemu);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class TwoTestsPerClassInstance {
        @RegisterExtension
        final HvemuExtension hvemu = HvemuExtension.builder().resetBeforeEach(false).build();

        @Test
        void first(HvemuRuntimeInfo hvemu) {
            seen(hvemu, hvemu.endpointUri());
        }

        @Test
        void second(HvemuRuntimeInfo hvemu) {
            seen(hvemu, hvemu.endpointUri());
        }
    }

    @HvemuTest(https = true, user = "hvadmin", password = "Pa55w.rd", resetBeforeEach = false)
    static class OverHttps {
        @Test
        void identifies(HvemuRuntimeInfo hvemu) throws Exception {
            seen(hvemu, hvemu.httpsEndpointUri());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream pem = Files.newInputStream(hvemu.certificate())) {
                trusted.setCertificateEntry("hvemu", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpResponse<String> reply = HttpClient.newBuilder().sslContext(tls).build().send(
                    HttpRequest.newBuilder(hvemu.httpsEndpointUri()).header("Content-Type", "application/soap+xml;charset=UTF-8")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (hvemu.user() + ":" + hvemu.password()).getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(Envelopes.IDENTIFY)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(hvemu.httpsEndpointUri().getScheme()).isEqualTo("https");
        }
    }

    @HvemuTest(scenario = "classpath:scenarios/no-such-scenario.json")
    static class MissingScenario {
        @Test
        void never() {
        }
    }

    @HvemuTest(scenario = "src/test/resources/scenarios/not-json.json")
    static class BrokenScenario {
        @Test
        void never() {
        }
    }

    @HvemuTest(user = "hvadmin")
    static class UserWithoutPassword {
        @Test
        void never() {
        }
    }

    @HvemuTest(jobs = "sometimes")
    static class UnknownJobMode {
        @Test
        void never() {
        }
    }

    @Test
    void oneEmulatorServesTheClassAndStopsAfterIt() {
        run(TwoTests.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertStopped(ENDPOINTS.get(0));
    }

    @Test
    void anInstanceFieldStartsOnePerTestAndStopsItAfterTheTest() {
        run(TwoTestsPerTest.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(1)).isNotSameAs(SEEN.get(0));
        ENDPOINTS.forEach(ExtensionLifecycleIT::assertStopped);
    }

    @Test
    void anInstanceFieldOfAPerClassInstanceServesTheClass() {
        run(TwoTestsPerClassInstance.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertStopped(ENDPOINTS.get(0));
    }

    @Test
    void servesHttpsWithACertificateMadeForItAndDeletedAfter() {
        run(OverHttps.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Path certificate = SEEN.get(0).certificate();
        assertThat(certificate.getParent()).doesNotExist();
        assertStopped(ENDPOINTS.get(0));
    }

    @Test
    void aScenarioItCannotReadFailsTheClassNamingIt() {
        assertThat(classFailure(MissingScenario.class)).isInstanceOf(ScenarioException.class).hasMessage(
                "scenario classpath:scenarios/no-such-scenario.json: no such resource on the test's class path");
        assertThat(classFailure(BrokenScenario.class)).isInstanceOf(ScenarioException.class).hasMessageStartingWith(
                "scenario src/test/resources/scenarios/not-json.json: not valid JSON (line 1, column 29): ");
    }

    @Test
    void halfGivenCredentialsOrAnUnknownJobModeFailTheClass() {
        assertThat(classFailure(UserWithoutPassword.class)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("hvemu: user and password go together (user \"hvadmin\", password missing)");
        assertThat(classFailure(UnknownJobMode.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a job mode is immediate, manual (or stepped), or a duration such as 2s, 500ms or 1m: sometimes");
    }
}
