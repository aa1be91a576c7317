package hvemu.transport;

import hvemu.transport.auth.EncryptedMessage;
import hvemu.transport.auth.NtlmSession;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Holds the reply to a sealed request and sends it sealed (MS-WSMV §2.2.9.1): status and headers pass
 * through, the body and its type are kept until {@link #complete}. A reply without a body (401, 413, an
 * empty 200) goes out as it is.
 */
final class SealingResponse extends HeldResponse {
    private String contentType = WsmanFilter.CONTENT_TYPE;

    SealingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setContentType(String type) {
        if (type != null) {
            contentType = type;
        }
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setContentLength(int length) {
        // The sealed body has its own length, set in complete().
    }

    @Override
    public void setContentLengthLong(long length) {
        // As setContentLength.
    }

    /** Sends the held reply, sealed by {@code session} when it has a body. */
    void complete(NtlmSession session) throws IOException {
        byte[] held = held();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (held.length == 0) {
            response.setContentLength(0);
            response.flushBuffer();
            return;
        }
        NtlmSession.Sealed sealed = session.seal(held);
        byte[] body = new EncryptedMessage(contentType.replace(" ", ""), sealed.signature(), sealed.data()).write();
        response.setContentType(EncryptedMessage.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
