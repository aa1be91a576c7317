package hvemu.control;

import java.util.Map;

/**
 * One HTTP exchange on the WS-Man endpoint as the journal keeps it.
 *
 * @param sequence the exchange's number since start (or the last clear), from 1
 * @param time when the request arrived, ISO-8601 in UTC
 * @param remoteAddress the client's address and port
 * @param action the request's WS-Addressing Action, or null when it had none or could not be read
 * @param resourceUri the request's ResourceURI, or null
 * @param selectors the request's selectors by name (a reference-valued selector as its EPR's text)
 * @param method the invoked method (Invoke only), or null
 * @param httpStatus the HTTP status answered
 * @param faultSubcode the SOAP fault's subcode as written (e.g. {@code a:DestinationUnreachable}), or null
 * @param durationMicros from the request's arrival to the reply written, in microseconds
 * @param request the request body as received (UTF-8 text)
 * @param response the response body as sent (UTF-8 text), empty when there was none
 */
public record JournalEntry(long sequence, String time, String remoteAddress, String action, String resourceUri,
        Map<String, String> selectors, String method, int httpStatus, String faultSubcode, long durationMicros,
        String request, String response) {
}
