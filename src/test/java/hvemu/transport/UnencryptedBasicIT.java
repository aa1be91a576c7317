package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hvemu.Emulator;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic over plain HTTP beyond loopback: refused as WinRM refuses it while {@code AllowUnencrypted} is false,
 * accepted with {@code --allow-unencrypted}, and accepted over HTTPS on the same address either way.
 */
class UnencryptedBasicIT {
    @TempDir
    Path dataDir;

    /** An emulator on every address of the machine, with credentials, HTTP and HTTPS. */
    private Emulator onEveryAddress(boolean allowUnencrypted) {
        return Emulator.builder().host("0.0.0.0").port(0).httpsPort(0).dataDir(dataDir)
                .credentials(RunningEmulator.USER, RunningEmulator.PASSWORD).allowUnencrypted(allowUnencrypted)
                .build().start();
    }

    private static WsmanClient authenticated(String address, int port) {
        return WsmanClient.of(URI.create("http://" + address + ":" + port + "/wsman"))
                .basic(RunningEmulator.USER, RunningEmulator.PASSWORD);
    }

    private static void assertRefusedUnencrypted(HttpExchange reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().allValues("WWW-Authenticate")).as("Negotiate, not Basic").containsExactly("Negotiate");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void refusesRightCredentialsOverHttpOnAListenerBeyondLoopback() throws Exception {
        try (Emulator emulator = onEveryAddress(false)) {
            // The listener decides, not the way in: 0.0.0.0 is beyond loopback even when reached by 127.0.0.1.
            assertRefusedUnencrypted(authenticated("127.0.0.1", emulator.port()).post(Envelopes.IDENTIFY));
            assertRefusedUnencrypted(authenticated("127.0.0.1", emulator.port()).post(Envelopes.get()));

            HttpExchange anonymous = WsmanClient.of(URI.create("http://127.0.0.1:" + emulator.port() + "/wsman"))
                    .header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.IDENTIFY);
            assertThat(anonymous.status()).isEqualTo(200);

            URI https = URI.create("https://127.0.0.1:" + emulator.httpsPort() + "/wsman");
            HttpExchange overTls = WsmanClient.of(https, Tls.trusting(Tls.generatedIn(dataDir)))
                    .basic(RunningEmulator.USER, RunningEmulator.PASSWORD).post(Envelopes.IDENTIFY);
            assertThat(overTls.status()).isEqualTo(200);
        }
    }

    @Test
    void acceptsCredentialsOverHttpBeyondLoopbackWhenUnencryptedTrafficIsAllowed() {
        try (Emulator emulator = onEveryAddress(true)) {
            HttpExchange reply = authenticated("127.0.0.1", emulator.port()).post(Envelopes.IDENTIFY);
            assertThat(reply.status()).isEqualTo(200);
            Xml.at(reply.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName[1]")
                    .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic");
            Xml.at(reply.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName[2]")
                    .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos");
            assertThat(authenticated("127.0.0.1", emulator.port()).basic(RunningEmulator.USER, "wrong")
                    .post(Envelopes.IDENTIFY).headers().allValues("WWW-Authenticate"))
                    .containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
        }
    }

    @Test
    void refusesThemFromAnotherAddressOfTheMachineUnlessAllowed() throws SocketException {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "the machine has no address beyond loopback");
        try (Emulator emulator = onEveryAddress(false)) {
            assertRefusedUnencrypted(authenticated(address.get(), emulator.port()).post(Envelopes.IDENTIFY));
        }
        try (Emulator emulator = onEveryAddress(true)) {
            assertThat(authenticated(address.get(), emulator.port()).post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        }
    }

    @Test
    void acceptsCredentialsOverHttpOnLoopbackWithoutBeingAllowed() {
        try (Emulator emulator = Emulator.builder().host("127.0.0.1").port(0)
                .credentials(RunningEmulator.USER, RunningEmulator.PASSWORD).build().start()) {
            assertThat(authenticated("127.0.0.1", emulator.port()).post(Envelopes.IDENTIFY).status()).isEqualTo(200);
        }
    }

    /** An IPv4 address of an interface that is up and not loopback, if the machine has one. */
    private static Optional<String> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(UnencryptedBasicIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
