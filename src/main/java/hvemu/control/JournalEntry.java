package hvemu.control;

import java.util.Map;

/**
 * One HTTP exchange on the WS-Man endpoint as the journal keeps it.
 *
 * @param sequence the exchange's number since start (or the last clear), from 1
 * @param time when the request arrived, ISO-8601 in UTC
 * @param remoteAddress the client's address and port
 * @param action the request's WS-Addressing Action, or null when it had none (Identify) or could not be read
 * @param resourceUri the request's ResourceURI, or null
 * @param selectors the request's selectors by name (a reference-valued selector written as winrm.cmd writes a
 *     resource, {@code <ResourceURI>?Name=value+Name=value})
 * @param method the invoked method (Invoke only), or null
 * @param httpStatus the HTTP status answered, or 0 when no answer was sent (a dropped connection)
 * @param faultSubcode the SOAP fault's subcode as written (e.g. {@code a:DestinationUnreachable}; the code for
 *     a fault without one, {@code s:MustUnderstand}), or null
 * @param faultRule the id of the fault-injection rule applied to the exchange, or null
 * @param durationMicros from the request's arrival until its answer was ready to write (a delay included), in
 *     microseconds
 * @param request the request body as received, as text (UTF-8, or UTF-16 when it starts with a byte order
 *     mark); empty when it was not read (413, 415, 405)
 * @param requestBase64 the request body's bytes in base64 when they are not UTF-8 text (so {@code request}
 *     does not give them back exactly), else null
 * @param response the response body as sent (UTF-8 text), empty when there was none
 */
public record JournalEntry(long sequence, String time, String remoteAddress, String action, String resourceUri,
        Map<String, String> selectors, String method, int httpStatus, String faultSubcode, String faultRule,
        long durationMicros, String request, String requestBase64, String response) {
}
