package hvemu.wsman;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.ContentType;
import com.sun.xml.ws.encoding.soap.SOAP12Constants;
import com.sun.xml.ws.protocol.soap.VersionMismatchException;
import com.sun.xml.ws.server.UnsupportedMediaException;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metro's SOAP codec, with every request it cannot decode answered by a WS-Man fault.
 *
 * <p>Before decoding it refuses what WinRM refuses: charsets other than UTF-8 and UTF-16 ({@code
 * w:EncodingLimit}, MS-WSMV §2.2.1) and any document type declaration, so that no entity is ever
 * expanded or fetched (XXE). A decoding failure (XML that is not well-formed, a SOAP 1.1 envelope)
 * becomes a {@link Rejection} that {@link WsmanEndpoint} answers; Metro would otherwise log a
 * stack trace and answer with a bare 500 or its own fault.
 */
final class TolerantCodec implements Codec {
    private static final int PROLOG_WINDOW = 4096;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private final Codec delegate;

    TolerantCodec(Codec delegate) {
        this.delegate = delegate;
    }

    @Override
    public void decode(InputStream in, String contentType, Packet packet) throws IOException {
        Charset charset;
        try {
            charset = charset(contentType);
        } catch (OperationException e) {
            Rejection.reject(packet, e);
            return;
        }
        BufferedInputStream body = new BufferedInputStream(in, PROLOG_WINDOW);
        body.mark(PROLOG_WINDOW);
        byte[] head = body.readNBytes(PROLOG_WINDOW);
        body.reset();
        if (Prolog.hasDoctype(head, charset, head.length == PROLOG_WINDOW)) {
            Rejection.reject(packet, new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request contains a document type declaration (DOCTYPE), which the service does not"
                            + " accept."));
            return;
        }
        if (Prolog.charsetOf(head, charset) != charset && charset != StandardCharsets.UTF_16) {
            // A UTF-16 body with its byte order mark, labelled UTF-8 or not labelled at all.
            contentType = withCharset(contentType, "UTF-16");
        }
        try {
            delegate.decode(body, contentType, packet);
            // Metro parses the envelope up to the body lazily; parse it now, while failures are ours.
            packet.getInternalMessage().getHeaders().asList();
        } catch (UnsupportedMediaException e) {
            throw e;
        } catch (VersionMismatchException e) {
            Rejection.reject(packet, new OperationException(FaultKind.VERSION_MISMATCH,
                    "The envelope is not in the SOAP 1.2 namespace " + SOAP12Constants.URI_ENVELOPE + "."));
        } catch (RuntimeException e) {
            Rejection.reject(packet, new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request is not a well-formed SOAP envelope: " + Prolog.describe(e)));
        }
    }

    /** Returns the request charset; UTF-8 when none is given. */
    static Charset charset(String contentType) throws OperationException {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        return switch (name) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "UTF-16" -> StandardCharsets.UTF_16;
            case "UTF-16LE" -> StandardCharsets.UTF_16LE;
            case "UTF-16BE" -> StandardCharsets.UTF_16BE;
            default -> throw new OperationException(FaultKind.ENCODING_LIMIT, FaultDetail.CHARACTER_SET,
                    "The service only accepts requests encoded in UTF-8 or UTF-16, not " + m.group(1) + ".");
        };
    }

    private static String withCharset(String contentType, String charset) {
        if (contentType == null) {
            return "application/soap+xml;charset=" + charset;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.replaceFirst("charset=" + charset) : contentType + ";charset=" + charset;
    }

    @Override
    public void decode(ReadableByteChannel in, String contentType, Packet packet) {
        delegate.decode(in, contentType, packet);
    }

    @Override
    public String getMimeType() {
        return delegate.getMimeType();
    }

    @Override
    public ContentType getStaticContentType(Packet packet) {
        return delegate.getStaticContentType(packet);
    }

    @Override
    public ContentType encode(Packet packet, java.io.OutputStream out) throws IOException {
        return delegate.encode(packet, out);
    }

    @Override
    public ContentType encode(Packet packet, WritableByteChannel buffer) {
        return delegate.encode(packet, buffer);
    }

    @Override
    public Codec copy() {
        return new TolerantCodec(delegate.copy());
    }
}
