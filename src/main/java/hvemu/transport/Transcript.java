package hvemu.transport;

import hvemu.wsman.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/**
 * One exchange on its way through {@link WsmanFilter}: when it arrived, the body read, and the
 * {@link Exchange} the WS-Man layer fills in. It is told to the recorder once, when the answer is made and
 * about to be written, so that a client holding its answer always finds the exchange recorded; an exchange
 * that ends with no answer (a dropped or failed connection) is told with status 0.
 */
final class Transcript {
    private static final byte[] NONE = new byte[0];

    private final long start = System.nanoTime();
    private final Instant arrival = Instant.now();
    private final HttpServletRequest request;
    private final ExchangeRecorder recorder;
    private final Exchange exchange = new Exchange();
    private byte[] body = NONE;
    private boolean told;

    Transcript(HttpServletRequest request, ExchangeRecorder recorder) {
        this.request = request;
        this.recorder = recorder;
    }

    Exchange exchange() {
        return exchange;
    }

    /** Notes the request body as received. */
    void received(byte[] body) {
        this.body = body;
    }

    /** Records the answer about to be written: {@code status}, and {@code response} (empty for none). */
    void answer(int status, byte[] response) {
        if (told) {
            return;
        }
        told = true;
        recorder.record(new ExchangeRecorder.Exchanged(arrival, remote(), exchange, status, System.nanoTime() - start,
                body, response));
    }

    /** Records the exchange as unanswered (status 0) unless its answer was recorded. */
    void unanswered() {
        answer(0, NONE);
    }

    /** The client's address and port, an IPv6 address in brackets. */
    private String remote() {
        String address = request.getRemoteAddr();
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + request.getRemotePort();
    }
}
