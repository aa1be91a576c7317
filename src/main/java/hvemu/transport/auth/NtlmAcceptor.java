package hvemu.transport.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The server side of one NTLMv2 handshake (MS-NLMP §3.2.5): it answers the client's NEGOTIATE_MESSAGE with
 * a CHALLENGE_MESSAGE, then verifies the AUTHENTICATE_MESSAGE against the account's password and derives
 * the session's keys. One acceptor serves one handshake; a second AUTHENTICATE is refused.
 */
final class NtlmAcceptor {
    /** Seconds from 1601 to 1970, in 100 ns units: the FILETIME of the Unix epoch. */
    private static final long FILETIME_EPOCH = 116_444_736_000_000_000L;

    private final NtlmAccount account;
    private final NtlmTarget target;
    private final SecureRandom random;
    private byte[] negotiate;
    private byte[] challenge;
    private byte[] serverChallenge;

    NtlmAcceptor(NtlmAccount account, NtlmTarget target, SecureRandom random) {
        this.account = account;
        this.target = target;
        this.random = random;
    }

    /** The outcome of a verified AUTHENTICATE_MESSAGE: who, and the session's security. */
    record Accepted(String user, NtlmSession session) {
    }

    /** Returns the CHALLENGE_MESSAGE for a NEGOTIATE_MESSAGE, whose flags mirror what the client asked for. */
    byte[] challenge(byte[] negotiateMessage, long epochMillis) {
        if (negotiate != null) {
            throw new NtlmException("a second NEGOTIATE_MESSAGE in one handshake");
        }
        int flags = NtlmFlags.challenge(NtlmMessages.negotiateFlags(negotiateMessage), account.domain() != null);
        serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);
        // MsvAvTimestamp makes NTLMv2 clients send a MIC over the three messages (MS-NLMP §3.1.5.1.2).
        byte[] info = target.targetInfo(epochMillis * 10_000 + FILETIME_EPOCH);
        negotiate = negotiateMessage.clone();
        challenge = NtlmMessages.challenge(flags, serverChallenge, target.targetName(), info);
        return challenge.clone();
    }

    /**
     * Verifies an AUTHENTICATE_MESSAGE (MS-NLMP §3.3.2): the NTLMv2 NTProofStr under the account's
     * password and the user and domain the client sent, the account's name, and the MIC when the client
     * says it sent one. Returns the session keyed by the ExportedSessionKey.
     *
     * @throws NtlmException when anything does not verify; the reason is for the server's log only
     */
    Accepted authenticate(byte[] message) {
        if (challenge == null || serverChallenge == null) {
            throw new NtlmException("an AUTHENTICATE_MESSAGE without a challenge");
        }
        byte[] ourChallenge = serverChallenge;
        serverChallenge = null; // one answer per challenge
        NtlmMessages.Authenticate auth = NtlmMessages.authenticate(message);
        byte[] nt = auth.ntResponse();
        if (nt.length < 16 + 28) {
            throw new NtlmException(nt.length == 0 ? "anonymous authentication" : "not an NTLMv2 response");
        }
        if (!account.isNamedBy(auth.user(), auth.domain())) {
            throw new NtlmException("another user: " + auth.domain() + "\\" + auth.user());
        }
        byte[] responseKey = NtlmCrypto.ntowfv2(account.ntHash(), auth.user(), auth.domain());
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
        if (!MessageDigest.isEqual(proof, Arrays.copyOf(NtlmCrypto.hmacMd5(responseKey, ourChallenge, temp), 16))) {
            throw new NtlmException("the NTLMv2 response does not verify for " + auth.user());
        }
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKey, proof);
        // KXKEY is the session base key for NTLMv2 (MS-NLMP §3.4.5.1).
        byte[] exported = sessionBaseKey;
        if (NtlmFlags.has(auth.flags(), NtlmFlags.KEY_EXCH)) {
            if (auth.encryptedRandomSessionKey().length != 16) {
                throw new NtlmException("key exchange without a 16-byte EncryptedRandomSessionKey");
            }
            exported = Rc4.once(sessionBaseKey, auth.encryptedRandomSessionKey());
        }
        // The client's AV pairs follow the 28 fixed bytes of NTLMv2_CLIENT_CHALLENGE.
        Map<Integer, byte[]> pairs = AvPairs.parse(temp, 28);
        if ((AvPairs.flags(pairs) & AvPairs.FLAG_MIC_PRESENT) != 0) {
            checkMic(message, auth.payloadStart(), exported);
        }
        boolean sessionSecurity = NtlmFlags.has(auth.flags(), NtlmFlags.EXTENDED_SESSIONSECURITY);
        return new Accepted(auth.user(), sessionSecurity ? NtlmSession.server(auth.flags(), exported) : null);
    }

    /** MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ AUTHENTICATE with the MIC zeroed). */
    private void checkMic(byte[] message, int payloadStart, byte[] exportedSessionKey) {
        int end = NtlmMessages.MIC_OFFSET + 16;
        if (message.length < end || payloadStart < end) {
            throw new NtlmException("the client announces a MIC the message has no room for");
        }
        byte[] mic = Arrays.copyOfRange(message, NtlmMessages.MIC_OFFSET, end);
        byte[] zeroed = message.clone();
        Arrays.fill(zeroed, NtlmMessages.MIC_OFFSET, end, (byte) 0);
        byte[] expected = NtlmCrypto.hmacMd5(exportedSessionKey, negotiate, challenge, zeroed);
        if (!MessageDigest.isEqual(mic, expected)) {
            throw new NtlmException("the MIC does not verify");
        }
    }
}
