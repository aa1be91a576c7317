package hvemu.transport;

import hvemu.wsman.Exchange;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/**
 * A request whose body has been read into memory, with the principal the transport established and the
 * {@link Exchange} the WS-Man layer fills in (reached through Metro's {@code SERVLET_REQUEST}).
 */
final class BufferedRequest extends HttpServletRequestWrapper implements Exchange.Carrier {
    private final byte[] body;
    private final Principal principal;
    private final Exchange exchange;

    /** {@code principal} is null for an unauthenticated Identify. */
    BufferedRequest(HttpServletRequest request, byte[] body, Principal principal, Exchange exchange) {
        super(request);
        this.body = body;
        this.principal = principal;
        this.exchange = exchange;
    }

    @Override
    public Exchange exchange() {
        return exchange;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal == null ? null : principal.getName();
    }

    @Override
    public String getAuthType() {
        return principal == null ? null : HttpServletRequest.BASIC_AUTH;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
}
