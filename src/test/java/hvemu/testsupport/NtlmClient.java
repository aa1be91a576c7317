package hvemu.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The client's side of NTLMv2 (MS-NLMP), for tests that need what no real client offers: a handshake
 * and sealed messages on a raw connection, to tamper with, replay, or send elsewhere. Built from the
 * spec with the JDK's RC4 (ARCFOUR) and HMAC-MD5, so it shares no code with the server's BouncyCastle
 * path. It asks for what pywinrm's ntlm-auth asks for: Unicode, signing, sealing, extended session
 * security, 128-bit keys, key exchange, and it sends a MIC when the server's target information has a
 * timestamp. Not thread-safe.
 */
public final class NtlmClient {
    static final int FLAGS = 0x00000001 | 0x00000004 | 0x00000010 | 0x00000020 | 0x00000200 | 0x00008000
            | 0x00080000 | 0x00800000 | 0x02000000 | 0x20000000 | 0x40000000 | 0x80000000;
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom random = new SecureRandom();
    private final int flags;
    private byte[] negotiate;
    private Session session;

    /** A client that asks for {@link #FLAGS}. */
    public NtlmClient() {
        this(FLAGS);
    }

    /** A client that asks for these NegotiateFlags. */
    public NtlmClient(int flags) {
        this.flags = flags;
    }

    /** Returns the NEGOTIATE_MESSAGE, with no domain or workstation. */
    public byte[] negotiate() {
        ByteBuffer b = le(40).put(SIGNATURE).putInt(1).putInt(flags).putLong(0).putLong(0);
        b.put((byte) 10).put((byte) 0).putShort((short) 19041).put(new byte[3]).put((byte) 15);
        negotiate = b.array();
        return negotiate.clone();
    }

    /** Returns the AUTHENTICATE_MESSAGE answering {@code challenge} for this user and password. */
    public byte[] authenticate(byte[] challenge, String user, String domain, String password) {
        int serverFlags = u32(challenge, 20);
        byte[] serverChallenge = Arrays.copyOfRange(challenge, 24, 32);
        byte[] targetInfo = field(challenge, 40);
        byte[] responseKey = hmac(md4(password.getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        ByteArrayOutputStream temp = new ByteArrayOutputStream();
        temp.writeBytes(new byte[] {1, 1, 0, 0, 0, 0, 0, 0});
        temp.writeBytes(le(8).putLong(System.currentTimeMillis() * 10_000 + 116_444_736_000_000_000L).array());
        temp.writeBytes(clientChallenge);
        temp.writeBytes(new byte[4]);
        temp.writeBytes(withMicFlag(targetInfo));
        temp.writeBytes(new byte[4]);
        byte[] proof = hmac(responseKey, serverChallenge, temp.toByteArray());
        byte[] nt = concat(proof, temp.toByteArray());
        byte[] sessionBaseKey = hmac(responseKey, proof);
        byte[] exported = new byte[16];
        random.nextBytes(exported);
        byte[] encryptedKey = rc4(sessionBaseKey).update(exported);
        byte[] domainBytes = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] userBytes = user.getBytes(StandardCharsets.UTF_16LE);
        int offset = 88;
        ByteBuffer b = le(offset + 24 + nt.length + domainBytes.length + userBytes.length + 16);
        b.put(SIGNATURE).putInt(3);
        offset = field(b, 24, offset);
        offset = field(b, nt.length, offset);
        offset = field(b, domainBytes.length, offset);
        offset = field(b, userBytes.length, offset);
        offset = field(b, 0, offset);
        field(b, 16, offset);
        b.putInt(serverFlags).put(Arrays.copyOfRange(negotiate, 32, 40)).put(new byte[16]);
        b.put(new byte[24]).put(nt).put(domainBytes).put(userBytes).put(encryptedKey);
        byte[] message = b.array();
        System.arraycopy(hmac(exported, negotiate, challenge, message), 0, message, 72, 16);
        session = new Session(exported);
        return message;
    }

    /** Returns the session the last AUTHENTICATE_MESSAGE set up. */
    public Session session() {
        return session;
    }

    /** The client's sealing and signing (MS-NLMP §3.4, extended session security with key exchange). */
    public static final class Session {
        private final byte[] signOut;
        private final byte[] signIn;
        private final byte[] sealOut;
        private final byte[] sealIn;
        private Cipher out;
        private Cipher in;
        private int seqOut;
        private int seqIn;

        Session(byte[] key) {
            signOut = md5(key, magic("client-to-server signing"));
            signIn = md5(key, magic("server-to-client signing"));
            sealOut = md5(key, magic("client-to-server sealing"));
            sealIn = md5(key, magic("server-to-client sealing"));
            out = rc4(sealOut);
            in = rc4(sealIn);
        }

        /** Returns {signature, sealed data} of a message to the server. */
        public byte[][] seal(byte[] message) {
            byte[] sealed = out.update(message);
            return new byte[][] {mac(out, signOut, seqOut++, message), sealed};
        }

        /** Returns a message from the server, or throws when its signature does not verify. */
        public byte[] unseal(byte[] signature, byte[] sealed) {
            byte[] message = in.update(sealed);
            if (!MessageDigest.isEqual(signature, mac(in, signIn, seqIn++, message))) {
                throw new IllegalStateException("the server's signature does not verify");
            }
            return message;
        }

        /** Signs without sealing (SPNEGO's mechListMIC). */
        public byte[] sign(byte[] message) {
            return mac(out, signOut, seqOut++, message);
        }

        /** Verifies the server's signature of a message (its mechListMIC). */
        public void verify(byte[] message, byte[] signature) {
            if (!MessageDigest.isEqual(signature, mac(in, signIn, seqIn++, message))) {
                throw new IllegalStateException("the server's MIC does not verify");
            }
        }

        /** Restarts both key streams, as after SPNEGO's mechListMIC (MS-SPNG §3.3.5.1). */
        public void resetKeyStreams() {
            out = rc4(sealOut);
            in = rc4(sealIn);
        }

        private static byte[] mac(Cipher handle, byte[] key, int seq, byte[] message) {
            byte[] seqBytes = le(4).putInt(seq).array();
            byte[] checksum = handle.update(Arrays.copyOf(hmac(key, seqBytes, message), 8));
            return le(16).putInt(1).put(checksum).put(seqBytes).array();
        }

        private static byte[] magic(String direction) {
            return ("session key to " + direction + " key magic constant\0").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Target information with MsvAvFlags = MIC present added before MsvAvEOL. */
    private static byte[] withMicFlag(byte[] info) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at + 4 <= info.length; ) {
            int id = (info[at] & 0xff) | (info[at + 1] & 0xff) << 8;
            int length = (info[at + 2] & 0xff) | (info[at + 3] & 0xff) << 8;
            if (id == 0) {
                break;
            }
            if (id != 6) {
                out.write(info, at, 4 + length);
            }
            at += 4 + length;
        }
        out.writeBytes(le(8).putShort((short) 6).putShort((short) 4).putInt(2).array());
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    static int u32(byte[] data, int at) {
        return ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] field(byte[] message, int at) {
        int length = (message[at] & 0xff) | (message[at + 1] & 0xff) << 8;
        int offset = u32(message, at + 4);
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    private static int field(ByteBuffer b, int length, int offset) {
        b.putShort((short) length).putShort((short) length).putInt(offset);
        return offset + length;
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[16];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Cipher rc4(byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
