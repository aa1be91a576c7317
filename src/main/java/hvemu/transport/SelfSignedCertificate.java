package hvemu.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed certificate kept in the data directory: generated on the first start that asks for
 * HTTPS without a keystore, and read back on every later one, so that a client can trust or pin it once.
 *
 * <p>The directory holds {@value #KEYSTORE_FILE} (the RSA key and certificate, PKCS12, password
 * {@value ServerCertificate#GENERATED_KEYSTORE_PASSWORD}, readable by its owner only) and
 * {@value #CERTIFICATE_FILE} (the certificate alone, PEM, for clients to trust). The certificate names
 * the listen address, {@code localhost}, 127.0.0.1, ::1 and the machine's host name. One that has expired
 * is replaced; one that does not name the listen address is kept, with a warning.
 *
 * <p>BouncyCastle builds the certificate; the JDK's providers make the key, sign and store it, so no
 * security provider is registered. Safe against concurrent starts on one directory, in one JVM or several.
 */
final class SelfSignedCertificate {
    /** The keystore file in the data directory. */
    static final String KEYSTORE_FILE = "https.p12";
    /** The PEM copy of the certificate in the data directory. */
    static final String CERTIFICATE_FILE = "https.crt";
    private static final String LOCK_FILE = ".https.lock";
    private static final String ALIAS = "hvemu";
    /** The longest validity browsers accept for a server certificate a user trusts (Apple's rule). */
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Object IN_PROCESS = new Object();

    private SelfSignedCertificate() {
    }

    /**
     * Returns the certificate of the data directory, generating it (and the directory) when there is none
     * or it has expired.
     *
     * @throws IllegalStateException when the directory cannot be written or its keystore cannot be read
     */
    static ServerCertificate inDataDir(Path dataDir, String host) {
        Path keystore = dataDir.resolve(KEYSTORE_FILE);
        synchronized (IN_PROCESS) {
            try {
                createPrivateDirectory(dataDir);
                try (FileChannel lockFile = FileChannel.open(dataDir.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockFile.lock()) {
                    ServerCertificate kept = Files.exists(keystore) ? reuse(keystore, host) : null;
                    if (kept == null) {
                        kept = generate(keystore, host);
                    }
                    writePem(dataDir.resolve(CERTIFICATE_FILE), kept.certificate());
                    return kept;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot keep the HTTPS certificate in " + dataDir + ": " + e, e);
            }
        }
    }

    /** Returns the kept certificate, or null when it has expired and must be replaced. */
    private static ServerCertificate reuse(Path keystore, String host) {
        ServerCertificate kept;
        try {
            kept = ServerCertificate.load(keystore, ServerCertificate.GENERATED_KEYSTORE_PASSWORD);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; delete it to generate a new certificate", e);
        }
        try {
            kept.certificate().checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.warn("the HTTPS certificate in {} expired on {}: generating a new one", keystore,
                    kept.certificate().getNotAfter().toInstant());
            return null;
        } catch (CertificateException e) {
            LOG.warn("the HTTPS certificate in {} is not valid before {}: is the clock right?", keystore,
                    kept.certificate().getNotBefore().toInstant());
        }
        if (!CertificateNames.covers(kept.certificate(), host)) {
            LOG.warn("the HTTPS certificate in {} does not name {}: clients that check names will refuse it; "
                    + "delete the file to generate one that does, or give --keystore", keystore, host);
        }
        return kept;
    }

    private static ServerCertificate generate(Path keystore, String host) throws IOException {
        List<String> names = CertificateNames.forListener(host);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "hvemu")
                    .addRDN(BCStyle.CN, CertificateNames.machineName().orElse("localhost")).build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()).setBit(126), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, CertificateNames.generalNames(names))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));

            String password = ServerCertificate.GENERATED_KEYSTORE_PASSWORD;
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            Path temporary = Files.createTempFile(keystore.getParent(), ".https", ".tmp", ownerOnly(false));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password.toCharArray());
            }
            Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("generated a self-signed HTTPS certificate for {} in {}", String.join(", ", names), keystore);
            return ServerCertificate.from(store, password, keystore);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the HTTPS certificate: " + e.getMessage(), e);
        }
    }

    /** Writes the certificate as PEM beside the keystore, unless the file already holds exactly it. */
    private static void writePem(Path file, X509Certificate certificate) throws IOException {
        String pem;
        try {
            pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the HTTPS certificate", e);
        }
        if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            return;
        }
        Path temporary = Files.createTempFile(file.getParent(), ".https", ".tmp");
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(true));
        }
    }

    /** rwx------ for a directory, rw------- for a file, where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(boolean directory) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"))};
    }
}
