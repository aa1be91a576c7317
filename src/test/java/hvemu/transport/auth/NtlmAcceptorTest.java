package hvemu.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The server's NTLMv2 checks and session security against the worked example of MS-NLMP §4.2.4 (user
 * "User", domain "Domain", password "Password", server challenge 0123456789abcdef, client challenge aa…aa,
 * time 0, random session key 55…55), and the refusals around it.
 */
class NtlmAcceptorTest {
    private static final HexFormat HEX = HexFormat.of();
    /** MS-NLMP §4.2.4: the flags of the example's messages. */
    private static final int FLAGS = 0xe28a8233;
    private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    private static final byte[] NT_PROOF = HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c");
    private static final byte[] ENCRYPTED_SESSION_KEY = HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e");

    /** A SecureRandom that gives the example's server challenge. */
    private static final class Fixed extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(SERVER_CHALLENGE, 0, bytes, 0, bytes.length);
        }
    }

    private static NtlmAcceptor challenged(String user, String password) {
        NtlmAcceptor acceptor = new NtlmAcceptor(NtlmAccount.of(user, password), NtlmTarget.of("Server", "Domain"), new Fixed());
        byte[] negotiate = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put(NtlmMessages.SIGNATURE).putInt(1)
                .putInt(FLAGS).array();
        byte[] challenge = acceptor.challenge(negotiate, 0);
        assertThat(java.util.Arrays.copyOfRange(challenge, 24, 32)).isEqualTo(SERVER_CHALLENGE);
        return acceptor;
    }

    /** The example's NTLMv2 temp: version, time 0, the client challenge, and the server's AV pairs. */
    private static byte[] temp() {
        byte[] domain = "Domain".getBytes(StandardCharsets.UTF_16LE);
        byte[] server = "Server".getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(28 + 4 + domain.length + 4 + server.length + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {1, 1}).put(new byte[6]).putLong(0).put(HEX.parseHex("aaaaaaaaaaaaaaaa")).putInt(0);
        b.putShort((short) 2).putShort((short) domain.length).put(domain);
        b.putShort((short) 1).putShort((short) server.length).put(server).putInt(0).putInt(0);
        return b.array();
    }

    /** An AUTHENTICATE_MESSAGE (no MIC) with these fields. */
    static byte[] authenticate(int flags, byte[] nt, String domain, String user, byte[] encryptedKey) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        int at = 72;
        ByteBuffer b = ByteBuffer.allocate(at + 24 + nt.length + d.length + u.length + encryptedKey.length)
                .order(ByteOrder.LITTLE_ENDIAN).put(NtlmMessages.SIGNATURE).putInt(3);
        for (int length : new int[] {24, nt.length, d.length, u.length, 0, encryptedKey.length}) {
            b.putShort((short) length).putShort((short) length).putInt(at);
            at += length;
        }
        b.putInt(flags).putLong(0).put(new byte[24]).put(nt).put(d).put(u).put(encryptedKey);
        return b.array();
    }

    private static byte[] exampleNtResponse() {
        byte[] temp = temp();
        return ByteBuffer.allocate(16 + temp.length).put(NT_PROOF).put(temp).array();
    }

    @Test
    void verifiesTheExampleAndUnsealsItsSealedMessage() {
        NtlmAcceptor.Accepted accepted = challenged("Domain\\User", "Password")
                .authenticate(authenticate(FLAGS, exampleNtResponse(), "Domain", "User", ENCRYPTED_SESSION_KEY));
        assertThat(accepted.user()).isEqualTo("User");
        // MS-NLMP §4.2.4.4: "Plaintext" sealed by the client with sequence number 0.
        byte[] plain = accepted.session().unseal(HEX.parseHex("010000007fb38ec5c55d497600000000"),
                HEX.parseHex("54e50165bf1936dc996020c1811b0f06fb5f"));
        assertThat(new String(plain, StandardCharsets.UTF_16LE)).isEqualTo("Plaintext");
    }

    @Test
    void refusesAnotherPasswordAnotherUserAndAnotherDomain() {
        byte[] message = authenticate(FLAGS, exampleNtResponse(), "Domain", "User", ENCRYPTED_SESSION_KEY);
        assertThatThrownBy(() -> challenged("Domain\\User", "Passw0rd").authenticate(message)).isInstanceOf(NtlmException.class);
        assertThatThrownBy(() -> challenged("Domain\\Someone", "Password").authenticate(message)).isInstanceOf(NtlmException.class);
        assertThatThrownBy(() -> challenged("Other\\User", "Password").authenticate(message)).isInstanceOf(NtlmException.class);
    }

    @Test
    void answersOneAuthenticateMessagePerChallenge() {
        NtlmAcceptor acceptor = challenged("User", "Password");
        byte[] message = authenticate(FLAGS, exampleNtResponse(), "Domain", "User", ENCRYPTED_SESSION_KEY);
        acceptor.authenticate(message);
        assertThatThrownBy(() -> acceptor.authenticate(message)).isInstanceOf(NtlmException.class);
    }

    @Test
    void refusesNtlmV1AnonymousAndTruncatedMessages() {
        NtlmAcceptor acceptor = challenged("User", "Password");
        assertThatThrownBy(() -> acceptor.authenticate(authenticate(FLAGS, new byte[24], "Domain", "User", ENCRYPTED_SESSION_KEY)))
                .isInstanceOf(NtlmException.class).hasMessageContaining("not an NTLMv2 response");
        assertThatThrownBy(() -> challenged("User", "Password").authenticate(authenticate(FLAGS, new byte[0], "", "", new byte[0])))
                .isInstanceOf(NtlmException.class).hasMessageContaining("anonymous");
        byte[] whole = authenticate(FLAGS, exampleNtResponse(), "Domain", "User", ENCRYPTED_SESSION_KEY);
        assertThatThrownBy(() -> challenged("User", "Password").authenticate(java.util.Arrays.copyOf(whole, 100)))
                .isInstanceOf(NtlmException.class).hasMessageContaining("runs past");
    }

    @Test
    void grantsOnlyTheFlagsTheClientAskedFor() {
        // go-ntlmssp's NEGOTIATE: Unicode, extended session security, target info, 128 and 56 bits; no key exchange.
        int go = 0x00000001 | 0x00080000 | 0x00800000 | 0x20000000 | 0x80000000;
        int granted = NtlmFlags.challenge(go, false);
        assertThat(granted & (NtlmFlags.KEY_EXCH | NtlmFlags.SIGN | NtlmFlags.SEAL | NtlmFlags.VERSION)).isZero();
        assertThat(granted & (NtlmFlags.UNICODE | NtlmFlags.EXTENDED_SESSIONSECURITY | NtlmFlags.TARGET_INFO
                | NtlmFlags.TARGET_TYPE_SERVER)).isEqualTo(NtlmFlags.UNICODE | NtlmFlags.EXTENDED_SESSIONSECURITY
                | NtlmFlags.TARGET_INFO | NtlmFlags.TARGET_TYPE_SERVER);
        assertThat(NtlmFlags.challenge(FLAGS | 0x00000080, true) & 0x00000080).as("never LM_KEY").isZero();
    }
}
