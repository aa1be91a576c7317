package hvemu.transport;

import hvemu.wsman.Exchange;
import hvemu.wsman.IdentifyProbe;
import hvemu.wsman.Injection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP rules of WinRM, applied before Metro sees a request (wire.md §6). Requests other than
 * {@code application/soap+xml} get 415.
 *
 * <ol>
 *   <li>Only POST: other methods get 405 with {@code Allow: POST}.</li>
 *   <li>Credentials are checked from the headers alone, before the body is parsed: a request without
 *       valid credentials never reaches the dispatcher (the OMIGOD lesson); its body is read and dropped
 *       (up to the limit) so a keep-alive client can retry on the connection. The one exception is
 *       {@code WSMANIDENTIFY: unauthenticated} with a small body that is an Identify, which Windows
 *       answers without credentials. Failures get 401 with {@code WWW-Authenticate: Negotiate} and
 *       {@code Basic realm="WSMAN"} (each when enabled) and no body. A request {@link NegotiateFilter} has
 *       authenticated (its connection's Negotiate context) carries its principal and skips this step.</li>
 *   <li>Basic credentials over plain HTTP are refused on a listener beyond loopback unless unencrypted
 *       traffic is allowed, as WinRM refuses them while {@code AllowUnencrypted} is false: 401, no body,
 *       and no Basic challenge, whatever the credentials (so the password is not even checked). Over
 *       HTTPS, and over HTTP on loopback, Basic is checked as above. With Basic disabled, Basic
 *       credentials are refused the same way.</li>
 *   <li>A body over the limit gets 413 and the connection closes (the rest of a body up to 16 MiB is read
 *       first, so a client that writes before it reads sees the 413); an empty body (an authentication probe) gets 200 and no body.</li>
 *   <li>Replies go out with a Content-Length (not chunked), WinRM's Content-Type and Server header.</li>
 * </ol>
 *
 * <p>Every request is told to the {@link ExchangeRecorder}, with the bytes received and sent, when its answer
 * is made, just before it is written ({@link Transcript}). A fault-injection effect that the WS-Man layer
 * chose for it and the transport owns (an HTTP status, a dropped connection, a delay) is applied in place
 * of, or before, the reply.
 */
final class WsmanFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WsmanFilter.class);
    /** An unauthenticated Identify is tiny; more than this is not one. */
    private static final int MAX_IDENTIFY_BYTES = 8192;
    /** How much of a body over the limit is read and dropped before the 413, so the client sees it. */
    private static final long DRAIN_BYTES = 16L << 20;
    static final String CONTENT_TYPE = "application/soap+xml;charset=UTF-8";
    static final String SERVER = "Microsoft-HTTPAPI/2.0";
    private static final Principal ANONYMOUS = () -> "anonymous";

    private static final byte[] NONE = new byte[0];

    private final transient Credentials credentials;
    private final int maxRequestBytes;
    private final transient BasicCheck basic;
    private final transient ExchangeRecorder recorder;
    private final AuthSchemes schemes;

    /**
     * @param basic the Basic rule, with the one user (or none for an open service) and the schemes enabled
     * @param maxRequestBytes the largest body accepted
     * @param recorder told of every exchange
     */
    WsmanFilter(BasicCheck basic, int maxRequestBytes, ExchangeRecorder recorder) {
        this.credentials = basic.credentials();
        this.maxRequestBytes = maxRequestBytes;
        this.basic = basic;
        this.recorder = recorder;
        this.schemes = basic.schemes();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Transcript transcript = new Transcript(request, recorder);
        try {
            serve(request, response, chain, transcript);
        } finally {
            transcript.unanswered();
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            Transcript transcript) throws IOException, ServletException {
        response.setHeader("Server", SERVER);
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            empty(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, transcript);
            return;
        }
        String authorization = request.getHeader("Authorization");
        // Negotiate: NegotiateFilter has authenticated the request by its connection's context.
        Principal negotiated = (Principal) request.getAttribute(NegotiateFilter.PRINCIPAL);
        boolean unauthenticatedIdentify = negotiated == null && authorization == null
                && "unauthenticated".equalsIgnoreCase(request.getHeader("WSMANIDENTIFY"));
        Principal principal = negotiated;
        if (negotiated == null && !unauthenticatedIdentify) {
            BasicCheck.Verdict verdict = basic.check(request);
            if (verdict == BasicCheck.Verdict.NOT_HERE) {
                // Windows offers Negotiate there (NegotiateFilter), and not Basic.
                LOG.debug("401 for {}: {}", request.getRemoteAddr(), schemes.basic()
                        ? "Basic over unencrypted HTTP is not allowed on this listener" : "Basic is disabled");
                transcript.received(discard(request, response));
                offer(response, false);
                empty(response, HttpServletResponse.SC_UNAUTHORIZED, transcript);
                return;
            }
            if (verdict == BasicCheck.Verdict.REFUSED) {
                LOG.debug("401 for {}: {}", request.getRemoteAddr(), authorization == null ? "no credentials" : "wrong credentials");
                transcript.received(discard(request, response));
                challenge(response, transcript);
                return;
            }
            principal = credentials == null ? ANONYMOUS : () -> credentials.user();
        }
        if (!isSoap(request.getContentType())) {
            LOG.debug("415 for {}: Content-Type {}", request.getRemoteAddr(), request.getContentType());
            empty(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, transcript);
            return;
        }
        byte[] body = read(request.getInputStream(), unauthenticatedIdentify ? MAX_IDENTIFY_BYTES : maxRequestBytes,
                request.getContentLengthLong());
        if (body == null) {
            if (unauthenticatedIdentify) {
                challenge(response, transcript);
            } else {
                LOG.debug("413 for {}: body over {} bytes", request.getRemoteAddr(), maxRequestBytes);
                // A client that sends its whole body before it reads (most do) sees the 413 rather than a
                // reset when the rest is read; past a bound it is not, and either way the connection closes.
                if (request.getContentLengthLong() <= DRAIN_BYTES) {
                    drain(request.getInputStream(), DRAIN_BYTES);
                }
                response.setHeader("Connection", "close");
                empty(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, transcript);
            }
            return;
        }
        transcript.received(body);
        if (unauthenticatedIdentify && !IdentifyProbe.isIdentify(body)) {
            challenge(response, transcript);
            return;
        }
        if (body.length == 0) {
            empty(response, HttpServletResponse.SC_OK, transcript);
            return;
        }
        BufferedResponse buffered = new BufferedResponse(response);
        Exchange exchange = transcript.exchange();
        chain.doFilter(new BufferedRequest(request, body, principal, exchange), buffered);
        Injection.Effect effect = exchange.injection() == null ? null : exchange.injection().effect();
        if (effect instanceof Injection.Drop) {
            transcript.unanswered();
            InjectedEffects.drop(request);
            return;
        }
        if (effect instanceof Injection.HttpStatus status) {
            InjectedEffects.replace(response, status.status());
            empty(response, status.status(), transcript);
            return;
        }
        if (effect instanceof Injection.Delay delay) {
            InjectedEffects.pause(delay.delay());
        }
        byte[] reply = buffered.body();
        transcript.answer(response.getStatus(), reply);
        buffered.send(reply, CONTENT_TYPE);
    }

    /** SOAP 1.2 media type, with any parameters (charset, action). */
    private static boolean isSoap(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "application/soap+xml", 0, 20)
                && (contentType.length() == 20 || contentType.charAt(20) == ';' || contentType.charAt(20) == ' ');
    }

    private void challenge(HttpServletResponse response, Transcript transcript) throws IOException {
        offer(response, true);
        empty(response, HttpServletResponse.SC_UNAUTHORIZED, transcript);
    }

    /** Adds a {@code WWW-Authenticate} header per enabled scheme; Basic only where it may be used. */
    private void offer(HttpServletResponse response, boolean basicOffered) {
        for (String challenge : schemes.challenges(basicOffered)) {
            response.addHeader("WWW-Authenticate", challenge);
        }
    }

    private static void empty(HttpServletResponse response, int status, Transcript transcript) throws IOException {
        response.setStatus(status);
        response.setContentLength(0);
        transcript.answer(status, NONE);
        response.flushBuffer();
    }

    /**
     * Reads the body of a refused request, so a keep-alive client can send its next attempt on the same
     * connection, and returns it; a body over the limit is not read (empty is returned), and the connection
     * closes instead.
     */
    private byte[] discard(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getContentLengthLong() > maxRequestBytes ? null
                : read(request.getInputStream(), maxRequestBytes, request.getContentLengthLong());
        if (body == null) {
            response.setHeader("Connection", "close");
        }
        return body == null ? NONE : body;
    }

    /** Reads and drops at most {@code max} bytes of what remains of a body. */
    private static void drain(InputStream in, long max) {
        try {
            byte[] scratch = new byte[8192];
            long left = max;
            for (int n; left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException clientGone) {
            LOG.debug("the rest of a refused body could not be read: {}", clientGone.getMessage());
        }
    }

    /** Returns the body, or null when it is longer than {@code limit}; reads at most limit + 1 bytes. */
    private static byte[] read(InputStream in, int limit, long declaredLength) throws IOException {
        if (declaredLength > limit) {
            return null;
        }
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }
}
