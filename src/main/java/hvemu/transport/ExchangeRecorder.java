package hvemu.transport;

import hvemu.wsman.Exchange;
import java.time.Instant;
import java.util.Objects;

/**
 * The hook by which the exchanges on {@code /wsman} are recorded (the control plane's journal): told of
 * every request to the path once, when its answer is made and just before it is written (so a client that
 * holds its answer finds the exchange recorded), or when its connection is dropped.
 *
 * <p>Implementations must be thread-safe and quick: they are told on every request, by the thread that
 * served it, before that thread serves another.
 */
@FunctionalInterface
public interface ExchangeRecorder {
    /** Records nothing. */
    ExchangeRecorder NONE = exchanged -> { };

    /**
     * One exchange as the transport saw it.
     *
     * @param time when the request arrived
     * @param remoteAddress the client's address and port, e.g. {@code 127.0.0.1:50312} or {@code [::1]:50312}
     * @param exchange what the WS-Man layer learned of it (empty when the request never reached that layer)
     * @param httpStatus the status answered, or 0 when no answer was sent (the connection was dropped or failed)
     * @param durationNanos from arrival until the answer was ready to write (or the connection dropped)
     * @param request the request body as received, empty when it was not read (a 413, 415 or 405)
     * @param response the response body as sent, empty when there was none
     */
    record Exchanged(Instant time, String remoteAddress, Exchange exchange, int httpStatus, long durationNanos,
            byte[] request, byte[] response) {
        public Exchanged {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(response, "response");
        }
    }

    /** Records one exchange; must not keep the thread long, and must not throw. */
    void record(Exchanged exchanged);
}
