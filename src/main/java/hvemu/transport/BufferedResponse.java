package hvemu.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Holds a reply in memory so it goes out with a Content-Length: Metro flushes while it encodes, which
 * would make every reply chunked, and WinRM does not chunk outside robust connections (stack.md P8).
 */
final class BufferedResponse extends HeldResponse {
    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Returns the held reply. */
    byte[] body() {
        return held();
    }

    /** Sends {@code body} (the held reply) with its length; a reply with a body gets {@code contentType}. */
    void send(byte[] body, String contentType) throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (body.length > 0) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
