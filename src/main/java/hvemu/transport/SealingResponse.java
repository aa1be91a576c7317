package hvemu.transport;

import hvemu.transport.auth.EncryptedMessage;
import hvemu.transport.auth.NtlmSession;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds the reply to a sealed request and sends it sealed (MS-WSMV §2.2.9.1): status and headers pass
 * through, the body and its type are kept until {@link #complete}. A reply without a body (401, 413, an
 * empty 200) goes out as it is.
 */
final class SealingResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("replies are buffered");
        }
    };
    private PrintWriter writer;
    private String contentType = WsmanFilter.CONTENT_TYPE;

    SealingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return out;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        }
        return writer;
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

    @Override
    public void flushBuffer() {
        // Held until complete().
    }

    /** Sends the held reply, sealed by {@code session} when it has a body. */
    void complete(NtlmSession session) throws IOException {
        if (writer != null) {
            writer.flush();
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (bytes.size() == 0) {
            response.setContentLength(0);
            response.flushBuffer();
            return;
        }
        NtlmSession.Sealed sealed = session.seal(bytes.toByteArray());
        byte[] body = new EncryptedMessage(contentType.replace(" ", ""), sealed.signature(), sealed.data()).write();
        response.setContentType(EncryptedMessage.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
