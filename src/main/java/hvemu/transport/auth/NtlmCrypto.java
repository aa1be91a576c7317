package hvemu.transport.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The NTLM functions of MS-NLMP §3.3.2 and §6 over well-kept primitives: MD4 and HMAC-MD5 from
 * BouncyCastle's lightweight API (MD4 is absent from the JDK), MD5 from the JDK.
 */
final class NtlmCrypto {
    private NtlmCrypto() {
    }

    /** Returns MD4 of {@code data}. */
    static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Returns MD5 of the concatenation of {@code parts}. */
    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Returns HMAC-MD5 under {@code key} of the concatenation of {@code parts}. */
    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new MD5Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** NTOWFv1, the NT hash: MD4 of the password in UTF-16LE (MS-NLMP §3.3.1). */
    static byte[] ntHash(String password) {
        return md4(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * NTOWFv2 (MS-NLMP §3.3.2): HMAC-MD5 under the NT hash of the upper-cased user name followed by the
     * domain as the client wrote it, both in UTF-16LE.
     */
    static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }
}
