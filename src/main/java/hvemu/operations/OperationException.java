package hvemu.operations;

import hvemu.cim.CimStatus;
import java.util.Objects;

/**
 * A failure of a WS-Management request, as a fault kind, an optional fault detail, an optional CIM status
 * and a message.
 *
 * <p>The message completes Windows' generic reason text for the kind: it says what in the request was
 * wrong (for example "The XML contains an invalid timeout field in the SOAP header: PT-1S."), and it
 * must not contain internal details such as stack traces or class names.
 *
 * <p>The CIM status names the cause where one WS-Man fault stands for several CIM failures: a missing
 * instance, class or namespace are all {@code a:DestinationUnreachable}, but the MI client (PowerShell's
 * CIM cmdlets) is told which one in its {@code MSFT_WmiError} detail (wire.md §5.1).
 */
public final class OperationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FaultKind kind;
    private final FaultDetail detail;
    private final CimStatus status;

    /** Creates a failure of the given kind with no fault detail. */
    public OperationException(FaultKind kind, String message) {
        this(kind, null, null, message);
    }

    /** Creates a failure of the given kind with a fault detail; {@code detail} may be null. */
    public OperationException(FaultKind kind, FaultDetail detail, String message) {
        this(kind, detail, null, message);
    }

    /**
     * Creates a failure of the given kind whose cause is a CIM failure of the given status;
     * {@code detail} and {@code status} may be null.
     */
    public OperationException(FaultKind kind, FaultDetail detail, CimStatus status, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail;
        this.status = status;
    }

    /** Returns the kind of fault this failure is answered with. */
    public FaultKind kind() {
        return kind;
    }

    /** Returns the fault detail, or null when the fault carries none. */
    public FaultDetail detail() {
        return detail;
    }

    /**
     * Returns the CIM status code (DSP0200: 6 for no such instance, 5 no such class, 3 no such namespace,
     * ...) of the failure's cause, or 0 when the failure is one of the protocol with no CIM cause.
     */
    public int cimStatusCode() {
        return status == null ? 0 : status.code();
    }
}
