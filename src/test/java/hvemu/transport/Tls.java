package hvemu.transport;

import hvemu.testsupport.Envelopes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS for the tests: certificates read from keystores, and clients that trust exactly one of them. */
final class Tls {
    private Tls() {
    }

    /** Returns the certificate of the first key entry of a keystore file (PKCS12 or JKS). */
    static X509Certificate certificateIn(Path keystore, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return (X509Certificate) store.getCertificate(alias);
            }
        }
        throw new IllegalStateException("no key entry in " + keystore);
    }

    /** Returns the certificate the data directory's generated keystore holds. */
    static X509Certificate generatedIn(Path dataDir) throws IOException, GeneralSecurityException {
        return certificateIn(dataDir.resolve("https.p12"), ServerCertificate.GENERATED_KEYSTORE_PASSWORD);
    }

    /**
     * Returns an HTTP/1.1 client that trusts {@code certificate} and nothing else, with the JDK's host name
     * verification on.
     */
    static HttpClient trusting(X509Certificate certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hvemu", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Returns the certificate an HTTPS endpoint presents to {@code client} (on an unauthenticated Identify). */
    static X509Certificate served(URI endpoint, HttpClient client) throws IOException, InterruptedException,
            SSLPeerUnverifiedException {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/soap+xml;charset=UTF-8").header("WSMANIDENTIFY", "unauthenticated")
                .POST(HttpRequest.BodyPublishers.ofString(Envelopes.IDENTIFY)).build(),
                HttpResponse.BodyHandlers.discarding());
        return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }

    /** Copies the key and certificate of the data directory's keystore into a new keystore of {@code type}. */
    static Path copyKeystore(Path dataDir, Path target, String type, String password)
            throws IOException, GeneralSecurityException {
        char[] generated = ServerCertificate.GENERATED_KEYSTORE_PASSWORD.toCharArray();
        KeyStore source = KeyStore.getInstance(dataDir.resolve("https.p12").toFile(), generated);
        String alias = Collections.list(source.aliases()).get(0);
        KeyStore copy = KeyStore.getInstance(type);
        copy.load(null, null);
        copy.setKeyEntry("server", source.getKey(alias, generated), password.toCharArray(),
                source.getCertificateChain(alias));
        try (var out = Files.newOutputStream(target)) {
            copy.store(out, password.toCharArray());
        }
        return target;
    }
}
