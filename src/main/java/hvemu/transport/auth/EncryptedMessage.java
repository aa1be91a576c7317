package hvemu.transport.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code multipart/encrypted} body of MS-WSMV §2.2.9.1.1 that carries one sealed SOAP message over
 * HTTP: a part naming the original content and its length, then an {@code application/octet-stream} part
 * of a 4-byte little-endian signature length, the signature, and the sealed bytes (as long as the
 * original: RC4 is a stream cipher).
 *
 * <pre>
 * --Encrypted Boundary\r\n
 * \tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n
 * \tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=N\r\n
 * --Encrypted Boundary\r\n
 * \tContent-Type: application/octet-stream\r\n
 * [length][signature][sealed N bytes]--Encrypted Boundary--\r\n
 * </pre>
 *
 * @param originalType the media type of the sealed message, without its Length parameter
 * @param signature the NTLMSSP_MESSAGE_SIGNATURE
 * @param sealed the sealed message
 */
public record EncryptedMessage(String originalType, byte[] signature, byte[] sealed) {
    /** The protocol of NTLM (and Kerberos) sealing under Negotiate. */
    public static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    private static final String BOUNDARY = "Encrypted Boundary";
    /** The Content-Type of a sealed request or reply. */
    public static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"" + PROTOCOL + "\";boundary=\"" + BOUNDARY + "\"";
    private static final byte[] CRLF = {'\r', '\n'};

    /** Returns true when a Content-Type is {@code multipart/encrypted}, whatever its parameters. */
    public static boolean isEncrypted(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted");
    }

    /**
     * Reads a sealed body sent with {@code contentType}.
     *
     * @throws NtlmException when the body is not one sealed SOAP message of this protocol
     */
    public static EncryptedMessage parse(String contentType, byte[] body) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (!lower.contains("protocol=\"" + PROTOCOL.toLowerCase(Locale.ROOT) + "\"")) {
            throw new NtlmException("not SPNEGO session encryption: " + contentType);
        }
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
        Reader r = new Reader(body);
        r.expect(delimiter);
        r.expect(CRLF);
        String originalType = null;
        int length = -1;
        for (String line = r.line(); !Arrays.equals(line.getBytes(StandardCharsets.ISO_8859_1), delimiter); line = r.line()) {
            String header = line.strip();
            String value = header.substring(header.indexOf(':') + 1).strip();
            if (header.regionMatches(true, 0, "Content-Type:", 0, 13) && !value.equalsIgnoreCase(PROTOCOL)) {
                throw new NtlmException("a first part of type " + value);
            }
            if (header.regionMatches(true, 0, "OriginalContent:", 0, 16)) {
                int at = value.toLowerCase(Locale.ROOT).lastIndexOf(";length=");
                if (!value.regionMatches(true, 0, "type=", 0, 5) || at < 0) {
                    throw new NtlmException("OriginalContent without type or Length: " + value);
                }
                originalType = value.substring(5, at);
                length = parseLength(value.substring(at + 8));
            }
        }
        if (originalType == null) {
            throw new NtlmException("no OriginalContent");
        }
        String partType = r.line().strip();
        if (!partType.equalsIgnoreCase("Content-Type: application/octet-stream")) {
            throw new NtlmException("a second part that is not application/octet-stream: " + partType);
        }
        int signatureLength = r.le32();
        if (signatureLength != NtlmSession.SIGNATURE_LENGTH) {
            throw new NtlmException("a signature of " + signatureLength + " bytes");
        }
        byte[] signature = r.take(signatureLength);
        byte[] sealed = r.take(length);
        r.expect(delimiter);
        r.expect("--".getBytes(StandardCharsets.US_ASCII));
        return new EncryptedMessage(originalType, signature, sealed);
    }

    /** Returns the body that carries {@code sealed} (of the original message's length) with its signature. */
    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sealed.length + 256);
        String head = "--" + BOUNDARY + "\r\n\tContent-Type: " + PROTOCOL + "\r\n\tOriginalContent: type=" + originalType
                + ";Length=" + sealed.length + "\r\n--" + BOUNDARY + "\r\n\tContent-Type: application/octet-stream\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(signature.length).array());
        out.writeBytes(signature);
        out.writeBytes(sealed);
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String boundary(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (at < 0) {
            return BOUNDARY;
        }
        String rest = contentType.substring(at + 9).strip();
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            return end < 0 ? rest.substring(1) : rest.substring(1, end);
        }
        int end = rest.indexOf(';');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static int parseLength(String text) {
        try {
            int length = Integer.parseInt(text.strip());
            if (length < 0) {
                throw new NtlmException("a negative Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new NtlmException("Length is not a number: " + text);
        }
    }

    /** A cursor over the body; running past its end is an {@link NtlmException}. */
    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        void expect(byte[] bytes) {
            if (!Arrays.equals(take(bytes.length), bytes)) {
                throw new NtlmException("the body is not framed as multipart/encrypted");
            }
        }

        /** The text up to the next CRLF, which is consumed. */
        String line() {
            for (int i = at; i + 1 < data.length; i++) {
                if (data[i] == '\r' && data[i + 1] == '\n') {
                    String line = new String(data, at, i - at, StandardCharsets.ISO_8859_1);
                    at = i + 2;
                    return line;
                }
            }
            throw new NtlmException("the body ends inside a part's headers");
        }

        int le32() {
            return ByteBuffer.wrap(take(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        byte[] take(int n) {
            if (n < 0 || n > data.length - at) {
                throw new NtlmException("the body ends early");
            }
            byte[] out = Arrays.copyOfRange(data, at, at + n);
            at += n;
            return out;
        }
    }
}
