package hvemu.operations;

import java.util.Objects;

/**
 * A failure of a WS-Management request, as a fault kind, an optional fault detail and a message.
 *
 * <p>The message completes Windows' generic reason text for the kind: it says what in the request was
 * wrong (for example "The XML contains an invalid timeout field in the SOAP header: PT-1S."), and it
 * must not contain internal details such as stack traces or class names.
 */
public final class OperationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FaultKind kind;
    private final FaultDetail detail;

    /** Creates a failure of the given kind with no fault detail. */
    public OperationException(FaultKind kind, String message) {
        this(kind, null, message);
    }

    /** Creates a failure of the given kind with a fault detail; {@code detail} may be null. */
    public OperationException(FaultKind kind, FaultDetail detail, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail;
    }

    /** Returns the kind of fault this failure is answered with. */
    public FaultKind kind() {
        return kind;
    }

    /** Returns the fault detail, or null when the fault carries none. */
    public FaultDetail detail() {
        return detail;
    }
}
