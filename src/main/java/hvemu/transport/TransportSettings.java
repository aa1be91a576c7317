package hvemu.transport;

import java.util.Objects;

/**
 * Where and how the HTTP transport listens.
 *
 * @param host the address to bind; 127.0.0.1 unless told otherwise
 * @param port the port; 0 picks a free one
 * @param credentials the one user that may call the service, or null for an open service
 * @param maxRequestBytes the largest request body accepted; larger ones get HTTP 413
 */
public record TransportSettings(String host, int port, Credentials credentials, int maxRequestBytes) {
    /** WinRM's MaxEnvelopeSizekb default, 500 KB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 512_000;

    public TransportSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (maxRequestBytes < 8192) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 8192: " + maxRequestBytes);
        }
    }
}
