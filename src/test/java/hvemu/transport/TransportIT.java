package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP rules of WinRM: authentication before parsing, methods, size limits, media type, framing. */
class TransportIT {
    private static final int LIMIT = 16_384;
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.credentials(RunningEmulator.USER, RunningEmulator.PASSWORD)
            .maxRequestBytes(LIMIT));

    private static void assertChallenged(HttpExchange reply) {
        assertThat(reply.status()).isEqualTo(401);
        // Negotiate first, as Windows offers it (wire.md §6), then Basic.
        assertThat(reply.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void challengesRequestsWithoutCredentials() {
        assertChallenged(emulator.client().post(Envelopes.get()));
        assertChallenged(emulator.client().post(Envelopes.IDENTIFY));
    }

    @Test
    void challengesWrongCredentials() {
        assertChallenged(emulator.client().basic(RunningEmulator.USER, "wrong").post(Envelopes.get()));
        assertChallenged(emulator.client().basic("someone", RunningEmulator.PASSWORD).post(Envelopes.get()));
        assertChallenged(emulator.client().header("Authorization", "Basic !!notbase64").post(Envelopes.get()));
        assertChallenged(emulator.client().header("Authorization", "Negotiate TlRMTVNTUAABAAAA").post(Envelopes.get()));
    }

    @Test
    void checksCredentialsBeforeParsingTheBody() {
        // Not XML at all: a request without credentials is refused before anything parses it, and the
        // connection stays usable for the retry with credentials.
        assertChallenged(emulator.client().post("<<<not xml".getBytes(StandardCharsets.UTF_8)));
        assertThat(emulator.authenticated().post(Envelopes.IDENTIFY).status()).isEqualTo(200);
    }

    @Test
    void servesAuthenticatedRequests() {
        HttpExchange reply = emulator.authenticated().post(Envelopes.IDENTIFY);
        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("//wsmid:SecurityProfiles/wsmid:SecurityProfileName")
                .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic");
    }

    @Test
    void acceptsUserNamesInAnyCase() {
        HttpExchange reply = emulator.client().basic(RunningEmulator.USER.toUpperCase(), RunningEmulator.PASSWORD)
                .post(Envelopes.IDENTIFY);
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void answersUnauthenticatedIdentifyWithoutCredentials() {
        HttpExchange reply = emulator.client().header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.IDENTIFY);
        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("//wsmid:ProductVersion").isEqualTo("OS: 0.0.0 SP: 0.0 Stack: 3.0");
        Xml.at(reply.body()).nodesByXPath("//wsmid:SecurityProfiles").doNotExist();
    }

    @Test
    void refusesAnythingButIdentifyWithoutCredentials() {
        assertChallenged(emulator.client().header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.get()));
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]>" + Envelopes.IDENTIFY;
        assertChallenged(emulator.client().header("WSMANIDENTIFY", "unauthenticated").post(doctype));
    }

    @Test
    void answersOtherMethodsWith405() {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpExchange reply = emulator.authenticated().send(method);
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.header("Allow")).isEqualTo("POST");
            assertThat(reply.body()).doesNotContain("<html").doesNotContain("WsmanEndpoint");
        }
    }

    @Test
    void refusesOtherMediaTypesWith415() {
        HttpExchange reply = emulator.authenticated().header("Content-Type", "text/xml;charset=UTF-8")
                .post(Envelopes.IDENTIFY);
        assertThat(reply.status()).isEqualTo(415);
        assertThat(emulator.authenticated().without("Content-Type").post(Envelopes.IDENTIFY).status()).isEqualTo(415);
    }

    @Test
    void refusesBodiesOverTheLimitWith413() {
        String padding = " ".repeat(LIMIT);
        HttpExchange reply = emulator.authenticated().post(Envelopes.IDENTIFY.replace("<s:Header/>", "<s:Header>" + padding + "</s:Header>"));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).isEmpty();
        assertThat(emulator.authenticated().post(Envelopes.IDENTIFY).status()).isEqualTo(200);
    }

    @Test
    void refusesChunkedBodiesOverTheLimitWith413() throws IOException {
        byte[] body = Envelopes.IDENTIFY.replace("<s:Header/>", "<s:Header>" + " ".repeat(LIMIT) + "</s:Header>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rawPost(body, true)).startsWith("HTTP/1.1 413");
    }

    @Test
    void answersEmptyPostsAsAuthenticationProbes() {
        HttpExchange authenticated = emulator.authenticated().post(new byte[0]);
        assertThat(authenticated.status()).isEqualTo(200);
        assertThat(authenticated.body()).isEmpty();
        assertChallenged(emulator.client().post(new byte[0]));
    }

    @Test
    void framesRepliesAsWinrmDoes() throws IOException {
        HttpExchange reply = emulator.authenticated().post(Envelopes.IDENTIFY);
        assertThat(reply.header("Content-Type")).isEqualTo("application/soap+xml;charset=UTF-8");
        assertThat(reply.header("Content-Length")).isEqualTo(
                Integer.toString(reply.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(reply.header("Server")).isEqualTo("Microsoft-HTTPAPI/2.0");
        String raw = rawPost(Envelopes.IDENTIFY.getBytes(StandardCharsets.UTF_8), false);
        assertThat(raw).doesNotContainIgnoringCase("Transfer-Encoding: chunked");
    }

    /**
     * Posts with a plain socket, chunked or with a length, and returns the raw reply. The body is written
     * from another thread: the server may answer (and close) before it has read it all, as it does for a
     * body over the limit, and the client must still read that answer.
     */
    private static String rawPost(byte[] body, boolean chunked) throws IOException {
        URI uri = emulator.emulator().endpointUri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            String auth = java.util.Base64.getEncoder().encodeToString(
                    (RunningEmulator.USER + ":" + RunningEmulator.PASSWORD).getBytes(StandardCharsets.UTF_8));
            String head = "POST /wsman HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + body.length + "\r\n\r\n");
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    if (chunked) {
                        InputStream in = new ByteArrayInputStream(body);
                        byte[] chunk = new byte[4096];
                        int n;
                        while ((n = in.read(chunk)) > 0) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(chunk, 0, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before reading everything; the answer is still there.
                }
            });
            writer.start();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply;
        }
    }
}
