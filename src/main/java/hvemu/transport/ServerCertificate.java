package hvemu.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;

/**
 * The key and certificate the HTTPS listener presents, read from a keystore: the user's, or the one
 * {@link SelfSignedCertificate} keeps in the data directory.
 *
 * <p>The first entry of the keystore that holds a private key is the one served. Immutable.
 */
final class ServerCertificate {
    /**
     * The password of the keystore generated in the data directory. It is no secret: the file's
     * permissions (its owner's only) protect the key, and the password lets tools such as keytool open it.
     */
    static final String GENERATED_KEYSTORE_PASSWORD = "hvemu";

    private final KeyStore keyStore;
    private final String password;
    private final String alias;
    private final X509Certificate certificate;
    private final Path path;

    ServerCertificate(KeyStore keyStore, String password, String alias, X509Certificate certificate, Path path) {
        this.keyStore = keyStore;
        this.password = password;
        this.alias = alias;
        this.certificate = certificate;
        this.path = path;
    }

    /**
     * Returns the certificate the settings name: the given keystore's, or the self-signed one of the data
     * directory, generated for {@code host} when there is none yet.
     *
     * @throws IllegalStateException when the keystore cannot be read; the message says why (no such file,
     *     not a keystore, wrong password, no key)
     */
    static ServerCertificate of(HttpsSettings https, String host) {
        return https.keystore() == null ? SelfSignedCertificate.inDataDir(https.dataDir(), host)
                : load(https.keystore(), https.keystorePassword());
    }

    /**
     * Reads a PKCS12 or JKS keystore (the JDK tells them apart) whose key has the keystore's password.
     *
     * @throws IllegalStateException when it cannot be read; the message names the file and the reason
     */
    static ServerCertificate load(Path file, String password) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no keystore at " + file);
        }
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("cannot open the keystore " + file
                        + ": the password is wrong (give it with --keystore-password)", e);
            }
            throw new IllegalStateException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(file + " is not a PKCS12 or JKS keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
        return from(keyStore, password, file);
    }

    /** Returns the served entry of a loaded keystore: its first private key, which must open with the password. */
    static ServerCertificate from(KeyStore keyStore, String password, Path file) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate cert) {
                    keyStore.getKey(alias, password.toCharArray());
                    return new ServerCertificate(keyStore, password, alias, cert, file);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("cannot open the key in " + file
                    + ": its password is not the keystore's", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("the keystore " + file + " holds no private key with an X.509 certificate");
    }

    /** Returns the certificate served. */
    X509Certificate certificate() {
        return certificate;
    }

    /** Returns the keystore file it was read from. */
    Path path() {
        return path;
    }

    /**
     * Returns the SHA-256 fingerprint of the certificate as colon-separated upper-case hex pairs, the form
     * {@code keytool -list} and {@code openssl x509 -fingerprint -sha256} print.
     */
    String sha256Fingerprint() {
        return fingerprint(certificate);
    }

    /** Returns the SHA-256 fingerprint of a certificate, as {@link #sha256Fingerprint()} writes it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    KeyStore keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    String alias() {
        return alias;
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + path
                + ", SHA-256 " + sha256Fingerprint() + "]";
    }
}
