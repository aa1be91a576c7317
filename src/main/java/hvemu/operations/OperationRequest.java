package hvemu.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WS-Management request with its SOAP and addressing details removed.
 *
 * @param action the request's Action, or null (Identify)
 * @param resourceUri the {@code w:ResourceURI}, trimmed, or null when absent
 * @param selectors the {@code w:SelectorSet} entries in request order
 * @param options the {@code w:OptionSet} entries by name, in request order; repeated names keep every value
 * @param maxEnvelopeSize the largest reply the client accepts, in bytes, after the server's clamp
 * @param operationTimeout how long the client waits, after the server's clamp
 * @param locale the {@code w:Locale} language, or null
 * @param authenticated whether the client proved its credentials (false only for an unauthenticated Identify)
 * @param secure whether the request came over TLS (the HTTPS listener)
 * @param body the request body
 * @param override what an Invoke does instead of its method's outcome (fault injection), or null
 */
public record OperationRequest(
        String action,
        String resourceUri,
        List<Selector> selectors,
        Map<String, List<String>> options,
        long maxEnvelopeSize,
        Duration operationTimeout,
        String locale,
        boolean authenticated,
        boolean secure,
        RequestBody body,
        MethodOverride override) {

    /** The option with which the MI client asks for null arrays marked IsNullArray (wire.md §4.2). */
    public static final String USE_PRECISE_ARRAYS = "msftwinrm:UsePreciseArrays";

    public OperationRequest {
        selectors = List.copyOf(selectors);
        options = Map.copyOf(options);
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(body, "body");
    }

    /** Returns true when the client asked for precise arrays (an xs:boolean: {@code true} or {@code 1}). */
    public boolean preciseArrays() {
        List<String> values = options.get(USE_PRECISE_ARRAYS);
        return values != null && !values.isEmpty() && (values.get(0).equalsIgnoreCase("true") || values.get(0).equals("1"));
    }
}
