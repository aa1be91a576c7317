package hvemu.transport.auth;

import java.util.Locale;

/**
 * The names the server gives itself in a CHALLENGE_MESSAGE: its NetBIOS and DNS computer and domain
 * names (MS-NLMP §2.2.2.1) and the target name, which is the domain when the account has one, else the
 * computer (a stand-alone server, as Windows names itself outside a domain).
 */
record NtlmTarget(String computer, String domain) {
    /** Returns the target of a server named {@code computer}, in {@code domain} or in none (null). */
    static NtlmTarget of(String computer, String domain) {
        String nb = computer.toUpperCase(Locale.ROOT);
        return new NtlmTarget(nb.length() > 15 ? nb.substring(0, 15) : nb,
                domain == null ? null : domain.toUpperCase(Locale.ROOT));
    }

    String targetName() {
        return domain == null ? computer : domain;
    }

    byte[] targetInfo(long fileTime) {
        String nbDomain = targetName();
        return AvPairs.targetInfo(nbDomain, computer, nbDomain.toLowerCase(Locale.ROOT),
                computer.toLowerCase(Locale.ROOT), fileTime);
    }
}
