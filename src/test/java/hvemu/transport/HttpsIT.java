package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.Emulator;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS: the self-signed certificate generated in the data directory and kept there, a keystore of the
 * user's, and Basic over TLS checked as over HTTP.
 */
class HttpsIT {
    private static final String SECPROFILE = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/";
    private static final String[] SERVICE = {"CreationClassName", "Msvm_ResourcePoolConfigurationService",
        "Name", "poolcfgsvc", "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HVCLU01"};

    @TempDir
    Path dataDir;

    private Emulator start(UnaryOperator<Emulator.Builder> configure) {
        return configure.apply(Emulator.builder().port(0).httpsPort(0).dataDir(dataDir)
                .credentials(RunningEmulator.USER, RunningEmulator.PASSWORD)).build().start();
    }

    private static WsmanClient over(URI endpoint, HttpClient http) {
        return WsmanClient.of(endpoint, http).basic(RunningEmulator.USER, RunningEmulator.PASSWORD);
    }

    @Test
    void servesIdentifyAndGetToAClientTrustingExactlyTheGeneratedCertificate() throws Exception {
        try (Emulator emulator = start(b -> b)) {
            HttpClient trusting = Tls.trusting(Tls.generatedIn(dataDir));

            HttpExchange identify = over(emulator.httpsEndpointUri(), trusting).post(Envelopes.IDENTIFY);
            assertThat(identify.status()).as(identify.body()).isEqualTo(200);
            Xml.at(identify.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName")
                    .isEqualTo(SECPROFILE + "https/basic");

            HttpExchange get = over(emulator.httpsEndpointUri(), trusting)
                    .post(Envelopes.get(Envelopes.wmi("Msvm_ResourcePoolConfigurationService"), SERVICE));
            assertThat(get.status()).as(get.body()).isEqualTo(200);
            assertThat(get.texts("/*[local-name()='Envelope']/*[local-name()='Body']/*/*[local-name()='Name']"))
                    .containsExactly("poolcfgsvc");
        }
    }

    @Test
    void theCertificateNamesLocalhostAndTheLoopbackAddress() throws Exception {
        try (Emulator emulator = start(b -> b)) {
            HttpClient trusting = Tls.trusting(Tls.generatedIn(dataDir));
            URI byName = URI.create("https://localhost:" + emulator.httpsPort() + "/wsman");
            assertThat(emulator.httpsEndpointUri().getHost()).isEqualTo("127.0.0.1");
            // The JDK client checks the name it connected by against the certificate's names.
            assertThat(over(byName, trusting).post(Envelopes.IDENTIFY).status()).isEqualTo(200);
            assertThat(over(emulator.httpsEndpointUri(), trusting).post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        }
    }

    @Test
    void checksBasicCredentialsOverHttpsAsOverHttp() throws Exception {
        try (Emulator emulator = start(b -> b)) {
            HttpClient trusting = Tls.trusting(Tls.generatedIn(dataDir));
            for (WsmanClient client : new WsmanClient[] {WsmanClient.of(emulator.httpsEndpointUri(), trusting),
                WsmanClient.of(emulator.httpsEndpointUri(), trusting).basic(RunningEmulator.USER, "wrong")}) {
                HttpExchange reply = client.post(Envelopes.get());
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
                assertThat(reply.body()).isEmpty();
            }
            HttpExchange anonymous = WsmanClient.of(emulator.httpsEndpointUri(), trusting)
                    .header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.IDENTIFY);
            assertThat(anonymous.status()).isEqualTo(200);
            Xml.at(anonymous.body()).nodesByXPath("//wsmid:SecurityProfiles").doNotExist();
        }
    }

    @Test
    void eachListenerReportsItsOwnSecurityProfile() throws Exception {
        try (Emulator emulator = start(b -> b)) {
            HttpExchange overHttp = WsmanClient.of(emulator.endpointUri())
                    .basic(RunningEmulator.USER, RunningEmulator.PASSWORD).post(Envelopes.IDENTIFY);
            Xml.at(overHttp.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName")
                    .isEqualTo(SECPROFILE + "http/basic");
            HttpExchange overHttps = over(emulator.httpsEndpointUri(), Tls.trusting(Tls.generatedIn(dataDir)))
                    .post(Envelopes.IDENTIFY);
            Xml.at(overHttps.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName")
                    .isEqualTo(SECPROFILE + "https/basic");
            Xml.at(overHttps.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName[2]")
                    .isEqualTo(SECPROFILE + "https/spnego-kerberos");
        }
    }

    @Test
    void reusesTheGeneratedCertificateOnTheNextStart() throws Exception {
        X509Certificate first;
        try (Emulator emulator = start(b -> b)) {
            first = Tls.served(emulator.httpsEndpointUri(), Tls.trusting(Tls.generatedIn(dataDir)));
        }
        try (Emulator emulator = start(b -> b)) {
            X509Certificate second = Tls.served(emulator.httpsEndpointUri(), Tls.trusting(first));
            assertThat(ServerCertificate.fingerprint(second)).isEqualTo(ServerCertificate.fingerprint(first));
        }
        assertThat(Files.readString(dataDir.resolve("https.crt")))
                .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    }

    @Test
    void keepsTheKeyWhereOnlyItsOwnerCanReadIt(@TempDir Path parent) throws Exception {
        Path fresh = parent.resolve("hvemu-data");
        try (Emulator emulator = Emulator.builder().port(0).httpsPort(0).dataDir(fresh).build().start()) {
            assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(fresh.resolve("https.p12")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PKCS12", "JKS"})
    void servesAKeystoreOfTheUsers(String type, @TempDir Path elsewhere) throws Exception {
        // A key and certificate made by another data directory, re-stored with the user's own password.
        Emulator.builder().port(0).httpsPort(0).dataDir(elsewhere).build().start().close();
        Path keystore = Tls.copyKeystore(elsewhere, elsewhere.resolve("server." + type.toLowerCase()), type, "s3cret!");
        X509Certificate users = Tls.certificateIn(keystore, "s3cret!");

        try (Emulator emulator = start(b -> b.keystore(keystore, "s3cret!"))) {
            X509Certificate served = Tls.served(emulator.httpsEndpointUri(), Tls.trusting(users));
            assertThat(served).isEqualTo(users);
            assertThat(over(emulator.httpsEndpointUri(), Tls.trusting(users)).post(Envelopes.IDENTIFY).status())
                    .isEqualTo(200);
        }
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void refusesToStartWithAWrongKeystorePassword(@TempDir Path elsewhere) {
        Emulator.builder().port(0).httpsPort(0).dataDir(elsewhere).build().start().close();
        Path keystore = elsewhere.resolve("https.p12");
        assertThatThrownBy(() -> Emulator.builder().port(0).httpsPort(0).keystore(keystore, "wrong").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot open the keystore " + keystore
                        + ": the password is wrong (give it with --keystore-password)");
    }

    @Test
    void servesHttpsAlone() throws Exception {
        try (Emulator emulator = start(b -> b.http(false))) {
            assertThatThrownBy(emulator::endpointUri).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no HTTP listener");
            assertThat(over(emulator.httpsEndpointUri(), Tls.trusting(Tls.generatedIn(dataDir)))
                    .post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        }
    }
}
