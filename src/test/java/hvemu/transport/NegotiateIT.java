package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.Emulator;
import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.NegotiateConnection;
import hvemu.testsupport.NegotiateConnection.Response;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Negotiate (NTLMv2) and message sealing through the HTTP endpoint, with the test's own NTLM client on raw
 * connections: what real clients never send (wrong credentials, altered, replayed or misdirected sealed
 * messages) gets 401 and changes nothing. The emulator listens on every address, so plain-text SOAP over
 * HTTP is refused and every served request below was sealed.
 */
class NegotiateIT {
    private static final String DOMAIN = "EMU";
    private static final String NAME = "hvadmin";
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";

    @RegisterExtension
    final RunningEmulator emulator = RunningEmulator.with(b -> b.host("0.0.0.0")
            .credentials(DOMAIN + "\\" + NAME, RunningEmulator.PASSWORD).jobs(JobProgression.parse("immediate")));

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + emulator.emulator().port() + "/wsman");
    }

    private NegotiateConnection authenticated(boolean spnego) {
        NegotiateConnection c = NegotiateConnection.open(endpoint());
        Response done = c.authenticate(NAME, DOMAIN, RunningEmulator.PASSWORD, spnego, null);
        assertThat(done.status()).as(done.headers().toString()).isEqualTo(200);
        return c;
    }

    /** The number of pools the emulator holds, read over a connection of its own. */
    private int pools() {
        try (NegotiateConnection c = authenticated(false)) {
            Response reply = c.postSealed(Envelopes.request(N + "/Enumerate", "", "<n:Enumerate xmlns:n=\"" + N
                    + "\"><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements></n:Enumerate>")
                    .replace(Envelopes.JOB_URI, Envelopes.wmi("Msvm_ResourcePool")).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", ""));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            return count(reply.text(), "<p:Msvm_ResourcePool ");
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void assertRefused(Response reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers("WWW-Authenticate")).as("offered schemes, no token").containsExactly("Negotiate");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void servesSealedIdentifyGetAndInvokeOnOneConnectionAfterARawNtlmHandshake() {
        int before = pools();
        try (NegotiateConnection c = authenticated(false)) {
            Response identify = c.postSealed(Envelopes.IDENTIFY);
            assertThat(identify.status()).isEqualTo(200);
            assertThat(identify.header("Content-Type")).isEqualTo(NegotiateConnection.SEALED_TYPE);
            assertThat(identify.text()).contains("OS: 10.0.20348",
                    "<wsmid:SecurityProfileName>http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos<")
                    .doesNotContain("secprofile/http/basic");
            Response get = c.postSealed(Envelopes.get(Pools.WMI + Pools.SERVICE, "CreationClassName",
                    "Msvm_ResourcePoolConfigurationService", "Name", "poolcfgsvc", "SystemCreationClassName",
                    "Msvm_ComputerSystem", "SystemName", "HVCLU01"));
            assertThat(get.status()).as(get.text()).isEqualTo(200);
            assertThat(get.text()).contains("<p:ElementName>Resource Pool Configuration Service</p:ElementName>");
            Response created = c.postSealed(Pools.create("SealedPool", "4"));
            assertThat(created.text()).containsPattern("<p:ReturnValue>(0|4096)</p:ReturnValue>");
        }
        assertThat(pools()).isEqualTo(before + 1);
    }

    @Test
    void servesSealedMessagesAfterASpnegoHandshakeWithMechListMics() {
        try (NegotiateConnection c = authenticated(true)) {
            Response identify = c.postSealed(Envelopes.IDENTIFY);
            assertThat(identify.status()).isEqualTo(200);
            assertThat(identify.text()).contains("OS: 10.0.20348");
            assertThat(c.postSealed(Envelopes.IDENTIFY).status()).as("the key streams stay in step").isEqualTo(200);
        }
    }

    @Test
    void refusesAWrongPasswordAWrongUserAndAnotherDomain() {
        for (String[] who : new String[][] {{NAME, DOMAIN, "wrong"}, {"someone", DOMAIN, RunningEmulator.PASSWORD},
                {NAME, "OTHER", RunningEmulator.PASSWORD}}) {
            try (NegotiateConnection c = NegotiateConnection.open(endpoint());
                    NegotiateConnection next = NegotiateConnection.open(endpoint())) {
                assertRefused(c.authenticate(who[0], who[1], who[2], false, null));
                // What the refused client seals next is refused too, wherever it is sent.
                assertRefused(next.post(c.sealed(Envelopes.IDENTIFY), NegotiateConnection.SEALED_TYPE));
            }
        }
    }

    @Test
    void acceptsTheUserWithoutADomainAndAsAPrincipalName() {
        try (NegotiateConnection c = NegotiateConnection.open(endpoint())) {
            assertThat(c.authenticate(NAME.toUpperCase(), "", RunningEmulator.PASSWORD, false, null).status()).isEqualTo(200);
        }
        try (NegotiateConnection c = NegotiateConnection.open(endpoint())) {
            assertThat(c.authenticate(NAME + "@emu.example", "", RunningEmulator.PASSWORD, false, null).status()).isEqualTo(200);
        }
    }

    @Test
    void anAlteredSealedMessageGets401ClosesTheConnectionAndChangesNothing() {
        int before = pools();
        try (NegotiateConnection c = authenticated(false)) {
            byte[] body = c.sealed(Pools.create("Tampered", "4"));
            body[body.length - "--Encrypted Boundary--\r\n".length() - 10] ^= 0x01;
            Response reply = c.post(body, NegotiateConnection.SEALED_TYPE);
            assertRefused(reply);
            assertThat(reply.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(pools()).isEqualTo(before);
    }

    @Test
    void aReplayedSealedMessageGets401AndIsServedOnce() {
        int before = pools();
        try (NegotiateConnection c = authenticated(false)) {
            byte[] body = c.sealed(Pools.create("Replayed", "4"));
            assertThat(c.unsealed(c.post(body, NegotiateConnection.SEALED_TYPE)).text())
                    .containsPattern("<p:ReturnValue>(0|4096)</p:ReturnValue>");
            assertRefused(c.post(body, NegotiateConnection.SEALED_TYPE));
        }
        assertThat(pools()).isEqualTo(before + 1);
    }

    @Test
    void aSealedMessageOnAnotherConnectionGets401() {
        int before = pools();
        try (NegotiateConnection sealer = authenticated(false);
                NegotiateConnection stranger = NegotiateConnection.open(endpoint());
                NegotiateConnection other = authenticated(false)) {
            byte[] body = sealer.sealed(Pools.create("Elsewhere", "4"));
            assertRefused(stranger.post(body, NegotiateConnection.SEALED_TYPE));
            assertRefused(other.post(body, NegotiateConnection.SEALED_TYPE));
        }
        assertThat(pools()).isEqualTo(before);
    }

    @Test
    void refusesPlainTextSoapOnAnAuthenticatedConnectionBeyondLoopback() {
        try (NegotiateConnection c = authenticated(false)) {
            assertRefused(c.post(Envelopes.IDENTIFY.getBytes(), "application/soap+xml;charset=UTF-8"));
        }
        try (NegotiateConnection c = NegotiateConnection.open(endpoint())) {
            assertRefused(c.authenticate(NAME, DOMAIN, RunningEmulator.PASSWORD, false, Envelopes.IDENTIFY));
        }
    }

    @Test
    void servesPlainTextSoapOnAnAuthenticatedConnectionOnLoopback() {
        try (Emulator loopback = Emulator.builder().port(0).credentials(NAME, RunningEmulator.PASSWORD).build().start();
                NegotiateConnection c = NegotiateConnection.open(loopback.endpointUri())) {
            Response identify = c.authenticate(NAME, "", RunningEmulator.PASSWORD, false, Envelopes.IDENTIFY);
            assertThat(identify.status()).isEqualTo(200);
            assertThat(identify.text()).contains("OS: 10.0.20348", "secprofile/http/basic", "secprofile/http/spnego-kerberos");
            assertThat(c.post(Envelopes.IDENTIFY.getBytes(), "application/soap+xml;charset=UTF-8").status())
                    .as("later requests on the connection need no header").isEqualTo(200);
            try (NegotiateConnection fresh = NegotiateConnection.open(loopback.endpointUri())) {
                assertThat(fresh.post(Envelopes.IDENTIFY.getBytes(), "application/soap+xml;charset=UTF-8").status())
                        .as("another connection is not authenticated").isEqualTo(401);
            }
        }
    }
}
