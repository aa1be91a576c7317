package hvemu.clients;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.RealClient;
import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPNEGO-wrapped NTLM, as Windows' SSPI (PowerShell's {@code New-CimSession}) frames Negotiate, from an
 * implementation that shares nothing with hvemu: MIT Kerberos' GSS-API SPNEGO with the gss-ntlmssp mechanism
 * (Debian {@code python3-gssapi} and {@code gss-ntlmssp}), driven by {@code src/test/clients/spnego/flow.py}.
 * The client sends a NegTokenInit, then a NegTokenResp with the AUTHENTICATE_MESSAGE and a mechListMIC, checks
 * hvemu's mechListMIC in the final NegTokenResp, and seals every message with {@code gss_wrap}. The emulator
 * listens beyond loopback, so only sealed messages are served.
 */
class SpnegoGssIT {
    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.with(b -> b.host("0.0.0.0")
            .credentials("HVLAB\\hvadmin", RunningEmulator.PASSWORD).jobs(JobProgression.parse("immediate")));

    private static RealClient.Run run;

    @BeforeAll
    static void runTheClient() {
        RealClient.requireRunnable("apt-get install python3-gssapi gss-ntlmssp", "/usr/bin/python3", "-c",
                "import gssapi; assert gssapi.OID.from_int_seq('1.3.6.1.4.1.311.2.2.10') in gssapi.raw.indicate_mechs()");
        URI endpoint = URI.create("http://127.0.0.1:" + EMULATOR.emulator().port() + "/wsman");
        run = RealClient.run(endpoint, "HVLAB\\hvadmin", RunningEmulator.PASSWORD, RealClient.directory("spnego"), 60,
                Map.of(), "/usr/bin/python3", "flow.py");
    }

    @Test
    void completesTheSpnegoHandshakeAndServesSealedMessages() {
        run.assertOk("handshake", "identify", "get-service", "create-pool", "wrong-password");
        assertThat(run.outcome("handshake").fields()).containsEntry("Mech", "ntlmssp").containsEntry("Complete", "True");
        assertThat(run.outcome("identify").fields()).containsEntry("HttpStatus", "200")
                .containsEntry("ProductVersion", "OS: 10.0.20348 SP: 0.0 Stack: 3.0")
                .containsEntry("SecurityProfiles", "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos");
        assertThat(run.outcome("get-service").fields()).containsEntry("ElementName", "Resource Pool Configuration Service");
        assertThat(run.outcome("create-pool").fields()).containsEntry("ReturnValue", "4096");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(run.outcome("wrong-password").fields()).containsEntry("Refused", "yes").containsEntry("HttpStatus", "401");
    }
}
