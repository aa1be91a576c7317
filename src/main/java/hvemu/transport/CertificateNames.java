package hvemu.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/** The subject alternative names of the self-signed certificate: what a client may reach the listener by. */
final class CertificateNames {
    private CertificateNames() {
    }

    /**
     * Returns the names a client may reach the listener by: its address (unless a wildcard), the loopback
     * names and the machine's host name; host names first, then addresses.
     */
    static List<String> forListener(String host) {
        Set<String> names = new LinkedHashSet<>();
        String bare = unbracketed(host);
        if (!IPAddress.isValid(bare)) {
            names.add(bare);
        }
        names.add("localhost");
        machineName().ifPresent(names::add);
        if (IPAddress.isValid(bare) && !isWildcard(bare)) {
            names.add(bare);
        }
        names.add("127.0.0.1");
        names.add("::1");
        return List.copyOf(names);
    }

    static GeneralNames generalNames(List<String> names) {
        return new GeneralNames(names.stream()
                .map(n -> new GeneralName(IPAddress.isValid(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                .toArray(GeneralName[]::new));
    }

    /** Returns true when the certificate names {@code host}, or the host is a wildcard address. */
    static boolean covers(X509Certificate certificate, String host) {
        String bare = unbracketed(host);
        if (IPAddress.isValid(bare) && isWildcard(bare)) {
            return true;
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return false;
            }
            for (List<?> name : names) {
                String value = String.valueOf(name.get(1));
                if (value.equalsIgnoreCase(bare) || IPAddress.isValid(bare) && IPAddress.isValid(value)
                        && InetAddress.getByName(value).equals(InetAddress.getByName(bare))) {
                    return true;
                }
            }
            return false;
        } catch (CertificateException | UnknownHostException e) {
            return false;
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isWildcard(String address) {
        try {
            return InetAddress.getByName(address).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Returns the machine's host name, when it has one that is not an address. */
    static Optional<String> machineName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return IPAddress.isValid(name) ? Optional.empty() : Optional.of(name);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
