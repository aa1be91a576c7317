package hvemu.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where and how the transport listens: an HTTP listener, an HTTPS listener, or both, on one address.
 *
 * @param host the address to bind; 127.0.0.1 unless told otherwise
 * @param port the HTTP port; 0 picks a free one, {@link #NO_PORT} serves no plain HTTP
 * @param https the HTTPS listener, or null for none
 * @param credentials the one user that may call the service, or null for an open service
 * @param maxRequestBytes the largest request body accepted; larger ones get HTTP 413
 * @param allowUnencrypted whether plain-text SOAP (Basic, or Negotiate without sealing) is accepted over
 *     plain HTTP on a listener beyond loopback, as WinRM's {@code AllowUnencrypted} setting allows it
 * @param auth the authentication schemes accepted when there are credentials
 */
public record TransportSettings(String host, int port, HttpsSettings https, Credentials credentials,
        int maxRequestBytes, boolean allowUnencrypted, AuthSchemes auth) {
    /** WinRM's MaxEnvelopeSizekb default, 500 KB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 512_000;
    /** The HTTP port of a transport that serves HTTPS only. */
    public static final int NO_PORT = -1;

    public TransportSettings {
        Objects.requireNonNull(host, "host");
        if (port < NO_PORT || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (port == NO_PORT && https == null) {
            throw new IllegalArgumentException("no listener: give an HTTP port, an HTTPS port, or both");
        }
        if (maxRequestBytes < 8192) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 8192: " + maxRequestBytes);
        }
        Objects.requireNonNull(auth, "auth");
    }

    /** Settings with both Basic and Negotiate ({@link AuthSchemes#DEFAULT}). */
    public TransportSettings(String host, int port, HttpsSettings https, Credentials credentials, int maxRequestBytes,
            boolean allowUnencrypted) {
        this(host, port, https, credentials, maxRequestBytes, allowUnencrypted, AuthSchemes.DEFAULT);
    }

    /**
     * Returns true when Basic credentials are accepted on the plain HTTP listener: it listens on loopback,
     * where they never cross a network, or {@link #allowUnencrypted} says so.
     */
    public boolean basicOverHttp() {
        return unencryptedOverHttp();
    }

    /**
     * Returns true when plain-text SOAP is accepted on the plain HTTP listener, whatever the scheme that
     * authenticated it: the listener is on loopback, or {@link #allowUnencrypted} says so. Otherwise
     * Negotiate clients must seal their messages (MS-WSMV §2.2.9.1), as WinRM requires while
     * {@code AllowUnencrypted} is false.
     */
    public boolean unencryptedOverHttp() {
        return allowUnencrypted || isLoopback(host);
    }

    /** Returns true when Negotiate is served: there are credentials and the scheme is on. */
    public boolean servesNegotiate() {
        return credentials != null && auth.negotiate();
    }

    /**
     * Returns true when {@code host} names a loopback address.
     *
     * @throws IllegalStateException when the host cannot be resolved
     */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unknown host to listen on: " + host, e);
        }
    }
}
