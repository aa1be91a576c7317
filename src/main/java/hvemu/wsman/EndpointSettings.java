package hvemu.wsman;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The service limits and volatile values of the WS-Man endpoint.
 *
 * @param maxEnvelopeSize the largest reply the service writes, in bytes (WinRM's MaxEnvelopeSizekb, 500 KB)
 * @param maxTimeout the longest OperationTimeout the service honours (WinRM's MaxTimeoutms, 60 s)
 * @param messageIds makes the MessageID of each reply
 */
public record EndpointSettings(long maxEnvelopeSize, Duration maxTimeout, Supplier<String> messageIds) {
    /** WinRM's defaults, with random {@code uuid:} message IDs in upper case as Windows writes them. */
    public static EndpointSettings defaults() {
        return new EndpointSettings(512_000, Duration.ofSeconds(60),
                () -> "uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    }
}
