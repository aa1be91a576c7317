package hvemu.transport;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.NegotiateConnection;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import org.junit.jupiter.api.Test;

/**
 * {@code --auth}: Basic and Negotiate each on or off, as WinRM's Auth/Basic and Auth/Negotiate; a scheme that is
 * off is neither offered in a 401 nor accepted, and Identify lists the profiles of the schemes that are on.
 */
class AuthSchemesIT {
    private static final String SECPROFILE = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/";

    private static Emulator start(String schemes) {
        return Emulator.builder().port(0).credentials(RunningEmulator.USER, RunningEmulator.PASSWORD)
                .auth(AuthSchemes.parse(schemes)).build().start();
    }

    @Test
    void withBasicOnlyNegotiateIsNeitherOfferedNorAccepted() {
        try (Emulator emulator = start("basic");
                NegotiateConnection c = NegotiateConnection.open(emulator.endpointUri())) {
            NegotiateConnection.Response refused = c.authenticate(RunningEmulator.USER, "", RunningEmulator.PASSWORD, false,
                    Envelopes.IDENTIFY);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers("WWW-Authenticate")).containsExactly("Basic realm=\"WSMAN\"");
            HttpExchange identify = WsmanClient.of(emulator.endpointUri()).basic(RunningEmulator.USER, RunningEmulator.PASSWORD)
                    .post(Envelopes.IDENTIFY);
            assertThat(identify.texts("//*[local-name()='SecurityProfileName']")).containsExactly(SECPROFILE + "http/basic");
        }
    }

    @Test
    void withNegotiateOnlyBasicIsNeitherOfferedNorAccepted() {
        try (Emulator emulator = start("negotiate");
                NegotiateConnection c = NegotiateConnection.open(emulator.endpointUri())) {
            HttpExchange basic = WsmanClient.of(emulator.endpointUri()).basic(RunningEmulator.USER, RunningEmulator.PASSWORD)
                    .post(Envelopes.IDENTIFY);
            assertThat(basic.status()).isEqualTo(401);
            assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
            NegotiateConnection.Response identify = c.authenticate(RunningEmulator.USER, "", RunningEmulator.PASSWORD, false,
                    Envelopes.IDENTIFY);
            assertThat(identify.status()).isEqualTo(200);
            Xml.at(identify.text()).valueByXPath("count(//wsmid:SecurityProfileName)").isEqualTo("1");
            Xml.at(identify.text()).valueByXPath("//wsmid:SecurityProfileName").isEqualTo(SECPROFILE + "http/spnego-kerberos");
        }
    }

    /** The admin API follows the same Basic rule as the endpoint: with Basic off, Basic is refused there too. */
    @Test
    void withNegotiateOnlyTheAdminApiRefusesBasicToo() throws Exception {
        try (Emulator emulator = start("negotiate")) {
            java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(emulator.adminUri() + "/jobs"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (RunningEmulator.USER + ":" + RunningEmulator.PASSWORD).getBytes()))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(401);
        }
        try (Emulator emulator = start("basic")) {
            assertThat(new hvemu.control.HttpAdmin(emulator.adminUri(), RunningEmulator.USER, RunningEmulator.PASSWORD)
                    .jobs()).isEmpty();
        }
    }
}
