package hvemu.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and with which certificate the HTTPS listener serves.
 *
 * @param port the port; 0 picks a free one (5986 by WinRM's convention)
 * @param keystore a PKCS12 or JKS keystore holding the key and certificate, or null for the self-signed
 *     certificate kept in {@code dataDir}
 * @param keystorePassword the password of {@code keystore} and of its key; null is the empty password
 * @param dataDir the directory the self-signed certificate is generated into on first start and read from
 *     on later ones; unused when a keystore is given
 */
public record HttpsSettings(int port, Path keystore, String keystorePassword, Path dataDir) {
    public HttpsSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTPS port must be 0 to 65535: " + port);
        }
        if (keystore == null) {
            Objects.requireNonNull(dataDir, "dataDir (where the self-signed certificate is kept)");
        }
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
    }

    @Override
    public String toString() {
        return "HttpsSettings[port=" + port + ", keystore=" + keystore + ", dataDir=" + dataDir + "]";
    }
}
