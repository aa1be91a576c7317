package hvemu.transport;

import hvemu.transport.auth.EncryptedMessage;
import hvemu.transport.auth.NegotiateContext;
import hvemu.transport.auth.NegotiateServer;
import hvemu.transport.auth.NtlmException;
import hvemu.transport.auth.NtlmSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Base64;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Negotiate authentication and message sealing (RFC 4559, MS-NLMP, MS-WSMV §2.2.9.1), applied before
 * {@link WsmanFilter}. Installed only when Negotiate is on and the service has credentials.
 *
 * <ol>
 *   <li>{@code Authorization: Negotiate <token>}: a NEGOTIATE_MESSAGE or NegTokenInit starts a new context on
 *       the connection, answered 401 with the challenge; the AUTHENTICATE leg completes it (with SPNEGO's
 *       final token on the reply) and its body, if any, is served. Anything that fails gets 401, the
 *       offered schemes and no body, and drops the connection's context.</li>
 *   <li>Later requests on the connection need no header: the context is kept on Jetty's connection
 *       ({@link ConnectionMetaData} attributes live exactly as long as the connection) and dropped when it
 *       closes ({@link NegotiateContexts}).</li>
 *   <li>A {@code multipart/encrypted} body is unsealed with the context's session and handed on as the
 *       SOAP it carries; the reply, if it has a body, is sealed the same way. A message that does not
 *       unseal (altered, replayed, sealed on another connection) gets 401 and the connection closes: its
 *       key stream is out of step for good.</li>
 *   <li>Plain-text SOAP on an authenticated connection is served over HTTPS, and over HTTP only where
 *       unencrypted traffic is allowed (loopback, {@code --allow-unencrypted}); elsewhere it gets 401, as
 *       WinRM answers it while {@code AllowUnencrypted} is false. Empty POSTs always pass.</li>
 *   <li>Requests with another scheme (Basic) or none on a connection without a context go on unchanged to
 *       {@link WsmanFilter}, whose rules apply; a sealed body there gets 401.</li>
 * </ol>
 */
final class NegotiateFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateFilter.class);
    /** The request attribute that carries the Negotiate principal to {@link WsmanFilter}. */
    static final String PRINCIPAL = NegotiateFilter.class.getName() + ".principal";
    /** Room for the multipart framing and the signature around a sealed body of the largest size. */
    private static final int FRAMING_BYTES = 1024;

    private final transient NegotiateServer server;
    private final int maxRequestBytes;
    private final boolean unencryptedOverHttp;
    private final AuthSchemes schemes;

    NegotiateFilter(NegotiateServer server, int maxRequestBytes, boolean unencryptedOverHttp, AuthSchemes schemes) {
        this.server = server;
        this.maxRequestBytes = maxRequestBytes;
        this.unencryptedOverHttp = unencryptedOverHttp;
        this.schemes = schemes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ConnectionMetaData connection = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData();
        byte[] token = negotiateToken(request.getHeader("Authorization"));
        NegotiateContext context = NegotiateContexts.of(connection);
        byte[] finalToken = null;
        if (token != null) {
            if (NegotiateContext.startsHandshake(token)) {
                context = server.newContext();
                NegotiateContexts.set(connection, context);
            } else if (context == null) {
                refuse(request, response, "a Negotiate token with no handshake on this connection");
                return;
            }
            NegotiateContext.Step step;
            try {
                step = context.accept(token);
            } catch (NtlmException e) {
                NegotiateContexts.drop(connection);
                refuse(request, response, e.getMessage());
                return;
            }
            if (!step.complete()) {
                discard(request, response);
                response.setHeader("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(step.token()));
                empty(response, HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            finalToken = step.token();
        } else if (request.getHeader("Authorization") != null || context == null || !context.isEstablished()) {
            if (EncryptedMessage.isEncrypted(request.getContentType())) {
                refuse(request, response, "a sealed message on a connection without a Negotiate context");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (finalToken != null) {
            response.setHeader("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(finalToken));
        }
        NegotiateContext established = context;
        Principal principal = established::user;
        if (EncryptedMessage.isEncrypted(request.getContentType())) {
            sealed(request, response, chain, connection, established, principal);
            return;
        }
        if (request.getContentLengthLong() == 0) {
            // The empty POST that finishes the handshake before sealing starts (clients.md: pywinrm, pypsrp).
            empty(response, HttpServletResponse.SC_OK);
            return;
        }
        if (!request.isSecure() && !unencryptedOverHttp && request.getContentLengthLong() != 0) {
            refuse(request, response, "plain-text SOAP over HTTP beyond loopback (AllowUnencrypted is false)");
            return;
        }
        request.setAttribute(PRINCIPAL, principal);
        chain.doFilter(request, response);
    }

    /** Unseals a request, serves the SOAP it carries, and seals the reply. */
    private void sealed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            ConnectionMetaData connection, NegotiateContext context, Principal principal)
            throws IOException, ServletException {
        NtlmSession session = context.session();
        if (session == null) {
            refuse(request, response, "a sealed message without session security");
            return;
        }
        byte[] body = RequestBodies.read(request.getInputStream(), maxRequestBytes + FRAMING_BYTES,
                request.getContentLengthLong());
        if (body == null) {
            LOG.debug("413 for {}: sealed body over {} bytes", request.getRemoteAddr(), maxRequestBytes);
            RequestBodies.drainIfSmall(request);
            response.setHeader("Connection", "close");
            empty(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        EncryptedMessage message;
        byte[] plain;
        try {
            message = EncryptedMessage.parse(request.getContentType(), body);
            plain = session.unseal(message.signature(), message.sealed());
        } catch (NtlmException e) {
            context.fail();
            NegotiateContexts.drop(connection);
            LOG.debug("401 for {}: {}", request.getRemoteAddr(), e.getMessage());
            response.setHeader("Connection", "close");
            offer(request, response);
            empty(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        UnsealedRequest unsealed = new UnsealedRequest(request, plain, message.originalType());
        unsealed.setAttribute(PRINCIPAL, principal);
        SealingResponse sealing = new SealingResponse(response);
        chain.doFilter(unsealed, sealing);
        sealing.complete(session);
    }

    /** Returns the token of {@code Authorization: Negotiate <base64>}, or null for any other header. */
    private static byte[] negotiateToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Negotiate ", 0, 10)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(authorization.substring(10).trim());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /**
     * 401 with the offered schemes and no body; the reason goes to the debug log only. The body is not
     * waited for, as http.sys answers from the headers: winrm4j, refused, declares a body it never sends.
     * Jetty reads what has arrived and keeps the connection, or closes it.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        LOG.debug("401 for {}: {}", request.getRemoteAddr(), reason);
        offer(request, response);
        empty(response, HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The schemes offered, as {@link WsmanFilter} offers them: Basic only where it may be used. */
    private void offer(HttpServletRequest request, HttpServletResponse response) {
        for (String challenge : schemes.challenges(request.isSecure() || unencryptedOverHttp)) {
            response.addHeader("WWW-Authenticate", challenge);
        }
    }

    /** Reads and drops the body of a handshake leg so the client goes on on this connection, as NTLM needs. */
    private void discard(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InputStream in = request.getInputStream();
        if (RequestBodies.read(in, maxRequestBytes + FRAMING_BYTES, request.getContentLengthLong()) == null) {
            response.setHeader("Connection", "close");
        }
    }

    private static void empty(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentLength(0);
        response.flushBuffer();
    }
}
