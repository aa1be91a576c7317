package hvemu.transport.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * The one account NTLM authenticates: a user name, optionally its domain ({@code DOMAIN\name}), and the
 * NT hash of its password (the password itself is not kept).
 *
 * <p>A client names the account as {@code name} with any domain when none is configured; with a domain
 * configured, as that domain (case-insensitively), the local {@code .}, no domain, or the user principal
 * name {@code name@domain} (with a DNS suffix of the domain too). User names compare case-insensitively,
 * as Windows account names do.
 */
public final class NtlmAccount {
    private final String name;
    private final String domain;
    private final byte[] ntHash;

    private NtlmAccount(String name, String domain, byte[] ntHash) {
        this.name = name;
        this.domain = domain;
        this.ntHash = ntHash;
    }

    /** Returns the account of {@code user}, written {@code name} or {@code DOMAIN\name}, with {@code password}. */
    public static NtlmAccount of(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        int slash = user.indexOf('\\');
        String name = slash < 0 ? user : user.substring(slash + 1);
        String domain = slash < 0 ? null : user.substring(0, slash);
        if (name.isEmpty() || (domain != null && domain.isEmpty())) {
            throw new IllegalArgumentException("the user must be name or DOMAIN\\name: " + user);
        }
        return new NtlmAccount(name, domain, NtlmCrypto.ntHash(password));
    }

    /** Returns the configured domain, or null when none is. */
    public String domain() {
        return domain;
    }

    /** Returns the user name without its domain. */
    public String name() {
        return name;
    }

    byte[] ntHash() {
        return ntHash.clone();
    }

    /** Returns true when the user and domain of an AUTHENTICATE_MESSAGE name this account. */
    boolean isNamedBy(String user, String userDomain) {
        String who = user;
        String where = userDomain;
        int at = user.indexOf('@');
        if (where.isEmpty() && at > 0) {
            who = user.substring(0, at);
            where = user.substring(at + 1);
        }
        if (!who.equalsIgnoreCase(name)) {
            return false;
        }
        if (domain == null || where.isEmpty() || where.equals(".")) {
            return true;
        }
        String d = domain.toLowerCase(Locale.ROOT);
        String w = where.toLowerCase(Locale.ROOT);
        return w.equals(d) || w.startsWith(d + ".");
    }

    @Override
    public String toString() {
        return "NtlmAccount[" + (domain == null ? "" : domain + "\\") + name + "]";
    }
}
