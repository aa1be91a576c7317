package hvemu.wsman;

import hvemu.operations.Namespaces;
/**
 * The WS-Addressing version a request uses, which its reply uses too.
 *
 * <p>WinRM and every WS-Man 1.x client use the 2004/08 member submission. The OpenNMS client in WS-Man
 * 1.2 mode uses W3C WS-Addressing 1.0 (clients.md); hvemu serves it in kind rather than fault it.
 */
public enum AddressingVersion {
    MEMBER_2004_08(Namespaces.ADDRESSING, "a", Namespaces.ADDRESSING + "/role/anonymous"),
    W3C_2005_08(Namespaces.ADDRESSING_W3C, "wsa", Namespaces.ADDRESSING_W3C + "/anonymous");

    private final String namespace;
    private final String prefix;
    private final String anonymous;

    AddressingVersion(String namespace, String prefix, String anonymous) {
        this.namespace = namespace;
        this.prefix = prefix;
        this.anonymous = anonymous;
    }

    /** Returns the version whose namespace this is, or null. */
    public static AddressingVersion of(String namespace) {
        for (AddressingVersion v : values()) {
            if (v.namespace.equals(namespace)) {
                return v;
            }
        }
        return null;
    }

    public String namespace() {
        return namespace;
    }

    /** Returns the prefix replies bind the namespace to. */
    public String prefix() {
        return prefix;
    }

    /** Returns the anonymous address: the only ReplyTo the service answers, and every reply's To. */
    public String anonymous() {
        return anonymous;
    }
}
