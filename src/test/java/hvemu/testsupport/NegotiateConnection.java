package hvemu.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * One keep-alive HTTP/1.1 connection to the emulator over a plain socket, for Negotiate tests: an NTLM
 * handshake (raw or in SPNEGO) bound to this connection, then sealed messages (MS-WSMV §2.2.9.1) or
 * anything else, byte for byte. Not thread-safe.
 */
public final class NegotiateConnection implements AutoCloseable {
    public static final String SEALED_TYPE =
            "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"";
    private static final ASN1ObjectIdentifier SPNEGO = new ASN1ObjectIdentifier("1.3.6.1.5.5.2");
    private static final ASN1ObjectIdentifier NTLMSSP = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.2.10");
    private final Socket socket;
    private final String host;
    private final InputStream in;
    private final OutputStream out;
    private NtlmClient ntlm;

    /** One HTTP answer; header names in lower case. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private NegotiateConnection(URI endpoint) throws IOException {
        socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setTcpNoDelay(true);
        host = endpoint.getHost() + ":" + endpoint.getPort();
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects to the endpoint's host and port. */
    public static NegotiateConnection open(URI endpoint) {
        try {
            return new NegotiateConnection(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the two legs of an NTLM handshake with {@code body} on the second (SOAP, or empty), and returns
     * the answer to the second; with {@code spnego} the tokens are SPNEGO's, a mechListMIC goes with the
     * AUTHENTICATE and the server's is checked.
     */
    public Response authenticate(String user, String domain, String password, boolean spnego, String body) {
        ntlm = new NtlmClient();
        byte[] mechTypes = der(new DERSequence(NTLMSSP));
        byte[] first = ntlm.negotiate();
        if (spnego) {
            ASN1Encodable negTokenInit = new DERTaggedObject(true, 0, new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(true, 0, new DERSequence(NTLMSSP)), new DERTaggedObject(true, 2, new DEROctetString(first))}));
            first = der(new DERTaggedObject(false, BERTags.APPLICATION, 0, new DERSequence(new ASN1Encodable[] {SPNEGO, negTokenInit})));
        }
        Response challenged = post(new byte[0], null, "Authorization", "Negotiate " + Base64.getEncoder().encodeToString(first));
        byte[] challenge = token(challenged);
        if (challenged.status() != 401 || challenge == null) {
            return challenged;
        }
        if (spnego) {
            challenge = respField(challenge, 2);
        }
        byte[] third = ntlm.authenticate(challenge, user, domain, password);
        if (spnego) {
            byte[] mic = ntlm.session().sign(mechTypes);
            third = der(new DERTaggedObject(true, 1, new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(true, 2, new DEROctetString(third)), new DERTaggedObject(true, 3, new DEROctetString(mic))})));
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Response done = post(bytes, bytes.length == 0 ? null : "application/soap+xml;charset=UTF-8",
                "Authorization", "Negotiate " + Base64.getEncoder().encodeToString(third));
        if (spnego && done.status() == 200 && token(done) != null) {
            ntlm.session().verify(mechTypes, respField(token(done), 3));
            ntlm.session().resetKeyStreams();
        }
        return done;
    }

    /** Returns the multipart/encrypted body that seals {@code soap} with this connection's session. */
    public byte[] sealed(String soap) {
        byte[] message = soap.getBytes(StandardCharsets.UTF_8);
        byte[][] sealed = ntlm.session().seal(message);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
                + "\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" + message.length
                + "\r\n--Encrypted Boundary\r\n\tContent-Type: application/octet-stream\r\n").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(NtlmClient.le(4).putInt(16).array());
        b.writeBytes(sealed[0]);
        b.writeBytes(sealed[1]);
        b.writeBytes("--Encrypted Boundary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    /** Posts {@code soap} sealed and returns the answer with its body unsealed when it came sealed. */
    public Response postSealed(String soap) {
        return unsealed(post(sealed(soap), SEALED_TYPE));
    }

    /** Returns the answer with its body unsealed by this connection's session, when it is sealed. */
    public Response unsealed(Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("multipart/encrypted")) {
            return response;
        }
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(text.replaceAll("(?s).*?Length=(\\d+).*", "$1"));
        int at = text.indexOf("application/octet-stream\r\n") + "application/octet-stream\r\n".length() + 4;
        byte[] signature = java.util.Arrays.copyOfRange(body, at, at + 16);
        byte[] sealed = java.util.Arrays.copyOfRange(body, at + 16, at + 16 + length);
        return new Response(response.status(), response.headers(), ntlm.session().unseal(signature, sealed));
    }

    /** Posts a body with a Content-Type (none when null) and extra header name/value pairs. */
    public Response post(byte[] body, String contentType, String... headers) {
        StringBuilder head = new StringBuilder("POST /wsman HTTP/1.1\r\nHost: " + host + "\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try {
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
            request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            out.write(request.toByteArray());
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns true when the server has closed the connection (a read meets its end). */
    public boolean closedByServer() {
        try {
            socket.setSoTimeout(5000);
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private Response read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
        return new Response(status, headers, in.readNBytes(length));
    }

    /** The token of the answer's {@code WWW-Authenticate: Negotiate <token>}, or null. */
    public static byte[] token(Response response) {
        for (String value : response.headers("WWW-Authenticate")) {
            if (value.startsWith("Negotiate ")) {
                return Base64.getDecoder().decode(value.substring(10));
            }
        }
        return null;
    }

    /** The OCTET STRING field [n] of a NegTokenResp. */
    private static byte[] respField(byte[] negTokenResp, int n) {
        try {
            ASN1TaggedObject choice = (ASN1TaggedObject) ASN1Primitive.fromByteArray(negTokenResp);
            for (ASN1Encodable e : ASN1Sequence.getInstance(choice, true)) {
                ASN1TaggedObject field = (ASN1TaggedObject) e;
                if (field.getTagNo() == n) {
                    return ASN1OctetString.getInstance(field, true).getOctets();
                }
            }
            throw new IllegalStateException("no field [" + n + "] in the NegTokenResp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket the server may already have closed
        }
    }
}
