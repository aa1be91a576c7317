package hvemu.transport.auth;

/**
 * The NegotiateFlags bits of MS-NLMP §2.2.2.5, and the server's choice of them for its CHALLENGE_MESSAGE.
 */
final class NtlmFlags {
    static final int UNICODE = 0x00000001;
    static final int OEM = 0x00000002;
    static final int REQUEST_TARGET = 0x00000004;
    static final int SIGN = 0x00000010;
    static final int SEAL = 0x00000020;
    static final int NTLM = 0x00000200;
    static final int ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_DOMAIN = 0x00010000;
    static final int TARGET_TYPE_SERVER = 0x00020000;
    static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int TARGET_INFO = 0x00800000;
    static final int VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int KEY_EXCH = 0x40000000;
    static final int NEGOTIATE_56 = 0x80000000;

    /**
     * The flags the server grants when the client asks for them, and only then: go-ntlmssp (masterzen/winrm)
     * refuses a challenge that sets KEY_EXCH it did not ask for (clients.md). LM_KEY, DATAGRAM and
     * ANONYMOUS are never granted: only NTLMv2 over a connection is served.
     */
    private static final int MIRRORED = SIGN | SEAL | NTLM | ALWAYS_SIGN | EXTENDED_SESSIONSECURITY | VERSION
            | NEGOTIATE_128 | KEY_EXCH | NEGOTIATE_56;

    private NtlmFlags() {
    }

    /**
     * Returns the CHALLENGE_MESSAGE flags for a NEGOTIATE_MESSAGE's (MS-NLMP §3.2.5.1.1): the mirrored
     * flags the client asked for, Unicode if asked else OEM, and always the target name (a server target)
     * and target information that NTLMv2 needs.
     */
    static int challenge(int requested, boolean domainTarget) {
        int flags = requested & MIRRORED;
        flags |= (requested & UNICODE) != 0 ? UNICODE : OEM;
        flags |= REQUEST_TARGET | TARGET_INFO | (domainTarget ? TARGET_TYPE_DOMAIN : TARGET_TYPE_SERVER);
        return flags;
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
