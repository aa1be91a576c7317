package hvemu.wsman;

import hvemu.operations.FaultKind;
import hvemu.operations.Selector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the WS-Man layer learned about one HTTP exchange, for the transport that carries it: the request's
 * Action, ResourceURI, selectors and method, the fault answered, and the fault-injection effect chosen for
 * it. The transport makes one per request and hands it to this layer through its request object
 * ({@link Carrier}); this layer fills it in; the transport reads it once the reply is made, to apply the
 * effects it owns (HTTP status, dropped connection, delay) and to record the exchange.
 *
 * <p>Each fact is null (the selectors empty) while unknown: a request whose headers could not be read has
 * none, an authentication probe never reaches this layer. Filled and read by the thread serving the
 * request; read by others only after that thread has finished with it.
 */
public final class Exchange {
    private RequestHeaders headers;
    private FaultKind fault;
    private Injection injection;

    /** The request object of a transport that carries an {@link Exchange}. */
    @FunctionalInterface
    public interface Carrier {
        /** Returns the exchange of this request. */
        Exchange exchange();
    }

    /** Returns the request's WS-Addressing Action, or null (Identify has none). */
    public String action() {
        return headers == null ? null : headers.action();
    }

    /** Returns the request's ResourceURI, or null. */
    public String resourceUri() {
        return headers == null ? null : headers.resourceUri();
    }

    /**
     * Returns the class the ResourceURI names, its last segment, or null when it names none (a wildcard
     * such as {@code .../v2/*}, or no ResourceURI).
     */
    public String resourceClass() {
        String uri = resourceUri();
        if (uri == null) {
            return null;
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1).trim();
        return last.isEmpty() || last.equals("*") ? null : last;
    }

    /**
     * Returns the request's selectors by name, in request order; a reference-valued selector is written
     * as winrm.cmd writes a resource: {@code <ResourceURI>?Name=value+Name=value}.
     */
    public Map<String, String> selectors() {
        if (headers == null || headers.selectors().isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.selectors().forEach(s -> out.putIfAbsent(s.name(), text(s)));
        return Collections.unmodifiableMap(out);
    }

    /** Returns the invoked method's name when the Action is {@code <ResourceURI>/<Method>}, else null. */
    public String method() {
        return headers == null ? null : Dispatcher.methodOf(headers.action(), headers.resourceUri());
    }

    /** Returns the fault answered, or null when the answer was not a fault (or not yet made). */
    public FaultKind fault() {
        return fault;
    }

    /**
     * Returns the subcode of the fault answered as Windows writes it ({@code a:DestinationUnreachable}),
     * the code for a fault without one ({@code s:MustUnderstand}), or null.
     */
    public String faultSubcode() {
        return fault == null ? null : FaultTable.name(fault);
    }

    /** Returns the fault-injection effect chosen for this exchange, or null. */
    public Injection injection() {
        return injection;
    }

    void headers(RequestHeaders headers) {
        this.headers = headers;
    }

    void fault(FaultKind fault) {
        this.fault = fault;
    }

    void injection(Injection injection) {
        this.injection = injection;
    }

    private static String text(Selector s) {
        if (s.reference() == null) {
            return s.value();
        }
        StringBuilder out = new StringBuilder(String.valueOf(s.reference().resourceUri()));
        List<Selector> inner = s.reference().selectors();
        for (int i = 0; i < inner.size(); i++) {
            out.append(i == 0 ? '?' : '+').append(inner.get(i).name()).append('=').append(text(inner.get(i)));
        }
        return out.toString();
    }
}
