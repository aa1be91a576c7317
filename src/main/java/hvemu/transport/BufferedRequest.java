package hvemu.transport;

import hvemu.wsman.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * A request whose body has been read into memory, with the principal the transport established and the
 * {@link Exchange} the WS-Man layer fills in (reached through Metro's {@code SERVLET_REQUEST}).
 */
final class BufferedRequest extends InMemoryBodyRequest implements Exchange.Carrier {
    private final Principal principal;
    private final Exchange exchange;

    /** {@code principal} is null for an unauthenticated Identify. */
    BufferedRequest(HttpServletRequest request, byte[] body, Principal principal, Exchange exchange) {
        super(request, body);
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
}
