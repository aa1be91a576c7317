package hvemu.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A sealed request as {@link WsmanFilter} and Metro see it: the unsealed SOAP message as its body, and the
 * media type the sealed part named ({@code OriginalContent: type=…}) as its Content-Type.
 */
final class UnsealedRequest extends InMemoryBodyRequest {
    private final String contentType;

    UnsealedRequest(HttpServletRequest request, byte[] body, String contentType) {
        super(request, body);
        this.contentType = contentType;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getHeader(String name) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            return contentType;
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            return String.valueOf(body.length);
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if ("Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
            return Collections.enumeration(Collections.singletonList(value));
        }
        return super.getHeaders(name);
    }
}
