package hvemu.wsman;

import hvemu.operations.Namespaces;
import hvemu.operations.FaultKind;
import hvemu.operations.Operation;
import hvemu.operations.OperationException;
import hvemu.operations.RequestGate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.namespace.QName;

/**
 * Routes a request to its operation: Identify by its body (it has no Action), then by an explicit map
 * from Action and resource URI to operation (a resource whose Get or Enumerate is not an instance's, such
 * as the class declarations of {@code .../cim-xml/2/cim-schema/2/*}), then from Action alone, then
 * {@code <ResourceURI>/<Method>} to Invoke; any other Action is {@code a:ActionNotSupported} (DSP0226
 * §5.4, MS-WSMV §3.1.4.1.34).
 *
 * <p>The dispatcher also enforces what a routed request must carry: the message information headers
 * Action, MessageID and ReplyTo (not for Identify), and the body element an operation requires. With a
 * {@link RequestGate}, every operation but Identify runs inside it. Instances are immutable and thread-safe.
 */
public final class Dispatcher {
    /** The body of WS-Man Identify. */
    public static final QName IDENTIFY = new QName(Namespaces.IDENTITY, "Identify");

    /**
     * An operation, the body element it requires (null when any body, or none, will do), and whether
     * it reads the body; the body of one that does not is checked before it runs.
     */
    record Route(Operation operation, QName requiredBody, boolean readsBody) {
    }

    private final Operation identify;
    private final Operation invoke;
    private final Map<String, Route> routes;
    private final Map<ResourceAction, Route> resourceRoutes;

    /** An Action on one resource URI, compared case-insensitively as WinRM compares resource URIs. */
    private record ResourceAction(String action, String resourceUri) {
        static ResourceAction of(String action, String resourceUri) {
            return new ResourceAction(action, resourceUri.toLowerCase(Locale.ROOT));
        }
    }

    private Dispatcher(Builder builder) {
        this.identify = Objects.requireNonNull(builder.identify, "identify operation");
        RequestGate gate = builder.gate;
        this.invoke = gate == null ? Objects.requireNonNull(builder.invoke, "invoke operation")
                : gate.guard(Objects.requireNonNull(builder.invoke, "invoke operation"));
        Map<String, Route> r = new LinkedHashMap<>();
        builder.routes.forEach((action, route) -> r.put(action, guarded(gate, route)));
        Map<ResourceAction, Route> rr = new LinkedHashMap<>();
        builder.resourceRoutes.forEach((key, route) -> rr.put(key, guarded(gate, route)));
        this.routes = Map.copyOf(r);
        this.resourceRoutes = Map.copyOf(rr);
    }

    private static Route guarded(RequestGate gate, Route route) {
        return gate == null ? route : new Route(gate.guard(route.operation()), route.requiredBody(), route.readsBody());
    }

    /** Returns a builder of the route table. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the Actions routed explicitly (not Identify, which has none, nor method Actions). */
    public Set<String> actions() {
        Set<String> actions = new TreeSet<>(routes.keySet());
        resourceRoutes.keySet().forEach(r -> actions.add(r.action()));
        return Collections.unmodifiableSet(actions);
    }

    /** Returns true when the body makes the request an Identify. */
    static boolean isIdentify(QName body) {
        return IDENTIFY.equals(body);
    }

    /**
     * Returns the route of a request.
     *
     * @throws OperationException when a required header or body element is missing, or the Action is
     *     not supported
     */
    Route route(RequestHeaders headers, QName body) throws OperationException {
        if (isIdentify(body)) {
            return new Route(identify, null, false);
        }
        require(headers.action(), "Action");
        require(headers.messageId(), "MessageID");
        require(headers.replyTo(), "ReplyTo");
        Route route = headers.resourceUri() == null ? null
                : resourceRoutes.get(ResourceAction.of(headers.action(), headers.resourceUri()));
        if (route == null) {
            route = routes.get(headers.action());
        }
        if (route == null && isMethodAction(headers.action(), headers.resourceUri())) {
            route = new Route(invoke, null, true);
        }
        if (route == null) {
            throw new OperationException(FaultKind.ACTION_NOT_SUPPORTED,
                    "The action is not supported by the service: " + headers.action());
        }
        if (route.requiredBody() != null && !route.requiredBody().equals(body)) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request is missing the element titled '" + route.requiredBody().getLocalPart() + "'.");
        }
        return route;
    }

    /** Returns the method an Invoke Action names ({@code <ResourceURI>/<Method>}), or null when it names none. */
    static String methodOf(String action, String resourceUri) {
        return action != null && isMethodAction(action, resourceUri) ? action.substring(resourceUri.length() + 1) : null;
    }

    /** An Invoke Action is the resource URI, a slash and a method name (wire.md §3.4). */
    private static boolean isMethodAction(String action, String resourceUri) {
        if (resourceUri == null || action.length() <= resourceUri.length() + 1) {
            return false;
        }
        String head = action.substring(0, resourceUri.length());
        String method = action.substring(resourceUri.length() + 1);
        return head.toLowerCase(Locale.ROOT).equals(resourceUri.toLowerCase(Locale.ROOT))
                && action.charAt(resourceUri.length()) == '/'
                && method.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static void require(String value, String header) throws OperationException {
        if (value == null) {
            throw new OperationException(FaultKind.MESSAGE_INFORMATION_HEADER_REQUIRED,
                    "The request has no " + header + " header, which WS-Management requires.");
        }
    }

    /** Builds the route table; every route is written out explicitly. */
    public static final class Builder {
        private Operation identify;
        private Operation invoke;
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private final Map<ResourceAction, Route> resourceRoutes = new LinkedHashMap<>();
        private RequestGate gate;

        private Builder() {
        }

        /** Runs every operation but Identify inside {@code gate}, so that whole-model changes wait for them. */
        public Builder gate(RequestGate gate) {
            this.gate = gate;
            return this;
        }

        /** Sets the operation for Identify requests. */
        public Builder identify(Operation operation) {
            this.identify = operation;
            return this;
        }

        /** Sets the operation for {@code <ResourceURI>/<Method>} Actions. */
        public Builder invoke(Operation operation) {
            this.invoke = operation;
            return this;
        }

        /** Routes an Action whose operation does not read the body (Get, Delete). */
        public Builder on(String action, Operation operation) {
            return add(action, new Route(operation, null, false));
        }

        /** Routes an Action whose operation reads a body of any element (Put, Create). */
        public Builder onBody(String action, Operation operation) {
            return add(action, new Route(operation, null, true));
        }

        /** Routes an Action whose body must be the given element, which the operation reads. */
        public Builder on(String action, Operation operation, QName requiredBody) {
            return add(action, new Route(operation, requiredBody, true));
        }

        /** Routes an Action on one resource URI, ahead of the Action's own route; the operation reads no body. */
        public Builder on(String action, String resourceUri, Operation operation) {
            return add(ResourceAction.of(action, resourceUri), new Route(operation, null, false));
        }

        /** Routes an Action on one resource URI whose body must be the given element, which the operation reads. */
        public Builder on(String action, String resourceUri, Operation operation, QName requiredBody) {
            return add(ResourceAction.of(action, resourceUri), new Route(operation, requiredBody, true));
        }

        private Builder add(ResourceAction key, Route route) {
            if (resourceRoutes.putIfAbsent(key, route) != null) {
                throw new IllegalArgumentException("Action routed twice on " + key.resourceUri() + ": " + key.action());
            }
            return this;
        }

        private Builder add(String action, Route route) {
            if (routes.putIfAbsent(action, route) != null) {
                throw new IllegalArgumentException("Action routed twice: " + action);
            }
            return this;
        }

        public Dispatcher build() {
            return new Dispatcher(this);
        }
    }
}
