package hvemu.transport.auth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The three NTLM messages of MS-NLMP §2.2.1: NEGOTIATE and AUTHENTICATE read, CHALLENGE written.
 * Every length and offset read is checked against the message; a bad one is an {@link NtlmException}.
 */
final class NtlmMessages {
    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    static final int NEGOTIATE = 1;
    static final int CHALLENGE = 2;
    static final int AUTHENTICATE = 3;
    /** Where the MIC of an AUTHENTICATE_MESSAGE sits when present (after the Version field). */
    static final int MIC_OFFSET = 72;
    private static final int CHALLENGE_HEADER = 56;

    private NtlmMessages() {
    }

    /** The fields of an AUTHENTICATE_MESSAGE the server uses; strings decoded by the message's flags. */
    record Authenticate(int flags, byte[] ntResponse, String domain, String user, String workstation,
            byte[] encryptedRandomSessionKey, int payloadStart) {
    }

    /** Returns the message type of a token that starts with the NTLMSSP signature, or 0 for any other token. */
    static int type(byte[] token) {
        if (token.length < 12 || !Arrays.equals(token, 0, 8, SIGNATURE, 0, 8)) {
            return 0;
        }
        return u32(token, 8);
    }

    /** Returns the NegotiateFlags of a NEGOTIATE_MESSAGE. */
    static int negotiateFlags(byte[] token) {
        if (type(token) != NEGOTIATE || token.length < 16) {
            throw new NtlmException("not a NEGOTIATE_MESSAGE");
        }
        return u32(token, 12);
    }

    /**
     * Returns a CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2) naming {@code targetName}, with the Version of
     * Windows Server 2022 (10.0.20348, NTLM revision 15) when the flags grant it.
     */
    static byte[] challenge(int flags, byte[] serverChallenge, String targetName, byte[] targetInfo) {
        byte[] name = targetName.getBytes(NtlmFlags.has(flags, NtlmFlags.UNICODE)
                ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(CHALLENGE_HEADER + name.length + targetInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE).putInt(CHALLENGE);
        field(b, name.length, CHALLENGE_HEADER);
        b.putInt(flags).put(serverChallenge).putLong(0);
        field(b, targetInfo.length, CHALLENGE_HEADER + name.length);
        if (NtlmFlags.has(flags, NtlmFlags.VERSION)) {
            b.put((byte) 10).put((byte) 0).putShort((short) 20348).put(new byte[3]).put((byte) 0x0F);
        } else {
            b.putLong(0);
        }
        b.put(name).put(targetInfo);
        return b.array();
    }

    /** Reads an AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3). */
    static Authenticate authenticate(byte[] token) {
        if (type(token) != AUTHENTICATE || token.length < 64) {
            throw new NtlmException("not an AUTHENTICATE_MESSAGE");
        }
        int flags = u32(token, 60);
        Charset charset = NtlmFlags.has(flags, NtlmFlags.UNICODE) ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
        int payloadStart = token.length;
        for (int at = 12; at <= 52; at += 8) {
            if (u16(token, at) > 0) {
                payloadStart = Math.min(payloadStart, u32(token, at + 4));
            }
        }
        return new Authenticate(flags, bytes(token, 20), new String(bytes(token, 28), charset),
                new String(bytes(token, 36), charset), new String(bytes(token, 44), charset), bytes(token, 52),
                payloadStart);
    }

    /** The bytes a field (length, max length, offset) at {@code at} points to. */
    private static byte[] bytes(byte[] token, int at) {
        int length = u16(token, at);
        long offset = u32(token, at + 4) & 0xffffffffL;
        if (offset + length > token.length) {
            throw new NtlmException("a field runs past the message");
        }
        return Arrays.copyOfRange(token, (int) offset, (int) offset + length);
    }

    private static void field(ByteBuffer b, int length, int offset) {
        b.putShort((short) length).putShort((short) length).putInt(offset);
    }

    static int u16(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
    }

    static int u32(byte[] data, int at) {
        return ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
