package hvemu.wsman;

import hvemu.operations.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The addressing and WS-Man headers of one request, read and checked by {@link HeaderReader}.
 *
 * <p>Text values are trimmed, except {@code messageId}, which a reply's RelatesTo must echo byte for
 * byte (wire.md §2.1). Absent headers are null; {@code selectors} and {@code options} are empty.
 *
 * @param addressing the WS-Addressing version of the request, and so of its reply
 * @param maxEnvelopeSize the client's limit in bytes as sent, or null
 * @param operationTimeout the client's timeout as sent, or null
 */
public record RequestHeaders(
        AddressingVersion addressing,
        String action,
        String messageId,
        String to,
        String replyTo,
        String resourceUri,
        List<Selector> selectors,
        Map<String, List<String>> options,
        Long maxEnvelopeSize,
        Duration operationTimeout,
        String locale,
        String sessionId,
        String activityId) {

    /** Returns the request's MessageID, or null when it sent none. */
    public String relatesTo() {
        return messageId;
    }
}
