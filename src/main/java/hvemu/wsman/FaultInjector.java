package hvemu.wsman;

/**
 * The hook by which a test harness makes the service misbehave on purpose: asked once per request, after
 * its headers are read and before it is dispatched, for the effect to apply to it. Implemented outside the
 * serving layers (the control plane's fault rules) and given to {@link WsmanEndpoint}.
 *
 * <p>Implementations must be thread-safe and quick: they are asked on every request.
 */
@FunctionalInterface
public interface FaultInjector {
    /** Injects nothing. */
    FaultInjector NONE = exchange -> null;

    /**
     * Returns the effect to apply to the exchange, or null for none.
     *
     * @param exchange the request's facts: Action, ResourceURI, selectors, method
     */
    Injection inject(Exchange exchange);
}
