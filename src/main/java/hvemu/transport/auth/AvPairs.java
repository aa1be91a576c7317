package hvemu.transport.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AV_PAIR list of MS-NLMP §2.2.2.1: target information in a CHALLENGE, and the client's copy in NTLMv2. */
final class AvPairs {
    static final int EOL = 0;
    static final int NB_COMPUTER_NAME = 1;
    static final int NB_DOMAIN_NAME = 2;
    static final int DNS_COMPUTER_NAME = 3;
    static final int DNS_DOMAIN_NAME = 4;
    static final int FLAGS = 6;
    static final int TIMESTAMP = 7;
    /** MsvAvFlags bit: the AUTHENTICATE_MESSAGE carries a MIC. */
    static final int FLAG_MIC_PRESENT = 0x2;

    private AvPairs() {
    }

    /** Returns the target information the server sends: its names, the time, and the list's end. */
    static byte[] targetInfo(String nbDomain, String nbComputer, String dnsDomain, String dnsComputer, long fileTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, NB_DOMAIN_NAME, nbDomain);
        text(out, NB_COMPUTER_NAME, nbComputer);
        text(out, DNS_DOMAIN_NAME, dnsDomain);
        text(out, DNS_COMPUTER_NAME, dnsComputer);
        pair(out, TIMESTAMP, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(fileTime).array());
        pair(out, EOL, new byte[0]);
        return out.toByteArray();
    }

    /**
     * Returns the pairs of a list by id (the first of each id), up to MsvAvEOL or the end of the data.
     *
     * @throws NtlmException when a pair runs past the data
     */
    static Map<Integer, byte[]> parse(byte[] data, int offset) {
        Map<Integer, byte[]> pairs = new LinkedHashMap<>();
        int at = offset;
        while (at + 4 <= data.length) {
            int id = u16(data, at);
            int length = u16(data, at + 2);
            at += 4;
            if (id == EOL) {
                return pairs;
            }
            if (at + length > data.length) {
                throw new NtlmException("an AV pair runs past the message");
            }
            byte[] value = new byte[length];
            System.arraycopy(data, at, value, 0, length);
            pairs.putIfAbsent(id, value);
            at += length;
        }
        return pairs;
    }

    /** Returns the MsvAvFlags value of a list, 0 when absent. */
    static int flags(Map<Integer, byte[]> pairs) {
        byte[] value = pairs.get(FLAGS);
        return value == null || value.length < 4 ? 0 : ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static void text(ByteArrayOutputStream out, int id, String value) {
        pair(out, id, value.getBytes(StandardCharsets.UTF_16LE));
    }

    private static void pair(ByteArrayOutputStream out, int id, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) id)
                .putShort((short) value.length).array());
        out.writeBytes(value);
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
    }
}
