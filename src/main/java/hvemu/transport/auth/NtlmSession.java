package hvemu.transport.auth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The server's half of an NTLM session's security (MS-NLMP §3.4): sealing and signing of what it sends,
 * unsealing and verifying of what it receives, each direction with its own keys, RC4 handle and sequence
 * number. Only extended session security is served (every client in clients.md asks for it).
 *
 * <p>Messages must be processed in the order they travel, which one HTTP connection guarantees; the
 * methods are synchronized so that a misbehaving client cannot interleave them.
 */
public final class NtlmSession {
    private static final byte[] CLIENT_SIGNING = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGNING = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEALING = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEALING = magic("session key to server-to-client sealing key magic constant");
    /** The length of an NTLMSSP_MESSAGE_SIGNATURE (MS-NLMP §2.2.2.9.1). */
    public static final int SIGNATURE_LENGTH = 16;

    private final boolean keyExchange;
    private final byte[] signIn;
    private final byte[] signOut;
    private final Rc4 in;
    private final Rc4 out;
    private int seqIn;
    private int seqOut;

    /** The sealed form of a message: its signature and its encrypted bytes. */
    public record Sealed(byte[] signature, byte[] data) {
    }

    /**
     * Returns the server side of a session with these negotiated flags and ExportedSessionKey.
     *
     * @throws NtlmException when the flags do not include extended session security
     */
    static NtlmSession server(int flags, byte[] exportedSessionKey) {
        if (!NtlmFlags.has(flags, NtlmFlags.EXTENDED_SESSIONSECURITY)) {
            throw new NtlmException("sealing without extended session security is not served");
        }
        return new NtlmSession(flags, exportedSessionKey);
    }

    private NtlmSession(int flags, byte[] key) {
        keyExchange = NtlmFlags.has(flags, NtlmFlags.KEY_EXCH);
        signIn = NtlmCrypto.md5(key, CLIENT_SIGNING);
        signOut = NtlmCrypto.md5(key, SERVER_SIGNING);
        // SEALKEY (MS-NLMP §3.4.5.3): the whole key for 128-bit, 7 bytes for 56-bit, 5 otherwise.
        byte[] sealBase = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_128) ? key
                : Arrays.copyOf(key, NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_56) ? 7 : 5);
        in = new Rc4(NtlmCrypto.md5(sealBase, CLIENT_SEALING));
        out = new Rc4(NtlmCrypto.md5(sealBase, SERVER_SEALING));
    }

    /** Encrypts a message to the client and signs it (MS-NLMP §3.4.3): the RC4 of the data, then the MAC. */
    public synchronized Sealed seal(byte[] message) {
        byte[] data = out.apply(message);
        return new Sealed(mac(out, signOut, seqOut++, message), data);
    }

    /**
     * Decrypts a message from the client and checks its signature and sequence number.
     *
     * @throws NtlmException when the signature does not match: the message was altered, replayed, or
     *     sealed for another session. The session's incoming state has moved on and is of no further use.
     */
    public synchronized byte[] unseal(byte[] signature, byte[] data) {
        byte[] message = in.apply(data);
        check(signature, mac(in, signIn, seqIn++, message));
        return message;
    }

    /** Signs a message to the client without sealing it (GSS_GetMIC, for SPNEGO's mechListMIC). */
    synchronized byte[] sign(byte[] message) {
        return mac(out, signOut, seqOut++, message);
    }

    /** Checks the signature of a message from the client (GSS_VerifyMIC). */
    synchronized void verify(byte[] message, byte[] signature) {
        check(signature, mac(in, signIn, seqIn++, message));
    }

    /**
     * Restarts both RC4 handles from their keys, sequence numbers kept: after SPNEGO's mechListMIC the
     * first sealed message uses the key stream the MIC used (MS-SPNG §3.3.5.1).
     */
    synchronized void resetKeyStreams() {
        in.reset();
        out.reset();
    }

    /**
     * MAC with extended session security (MS-NLMP §3.4.4.2): version 1, the first 8 bytes of HMAC-MD5 over
     * the sequence number and the message (through RC4 with key exchange), then the sequence number.
     */
    private byte[] mac(Rc4 handle, byte[] signingKey, int seq, byte[] message) {
        byte[] seqBytes = le32(seq);
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signingKey, seqBytes, message), 8);
        if (keyExchange) {
            checksum = handle.apply(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum)
                .put(seqBytes).array();
    }

    private static void check(byte[] given, byte[] expected) {
        if (given.length != SIGNATURE_LENGTH || !MessageDigest.isEqual(given, expected)) {
            throw new NtlmException("the message signature does not verify");
        }
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] magic(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
