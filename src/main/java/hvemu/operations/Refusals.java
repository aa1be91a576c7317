package hvemu.operations;

import hvemu.cim.CimException;

/**
 * The fault for a provider's refusal of a Put or a Delete, as WinRM answers a WMI provider's
 * (docs/semantics.md, "Put and Delete"): no such instance is {@code a:DestinationUnreachable}; access
 * denied (a read-only property, a key, a job still running) is {@code w:AccessDenied}; a value the
 * property cannot take is {@code x:InvalidRepresentation}; an instance that is not modified or deleted
 * so is {@code a:ActionNotSupported} with {@code ActionMismatch}; anything else {@code w:InternalError}.
 * Each failure keeps the provider's CIM status, which the MI client is told.
 */
final class Refusals {
    private Refusals() {
    }

    static OperationException of(CimException e) {
        return switch (e.status()) {
            case NOT_FOUND, INVALID_CLASS -> new OperationException(FaultKind.DESTINATION_UNREACHABLE,
                    FaultDetail.INVALID_RESOURCE_URI, e.status(), e.getMessage());
            case ACCESS_DENIED -> new OperationException(FaultKind.ACCESS_DENIED, null, e.status(), e.getMessage());
            case INVALID_PARAMETER, TYPE_MISMATCH, NO_SUCH_PROPERTY -> new OperationException(
                    FaultKind.INVALID_REPRESENTATION, FaultDetail.INVALID_VALUES, e.status(), e.getMessage());
            case NOT_SUPPORTED -> new OperationException(FaultKind.ACTION_NOT_SUPPORTED, FaultDetail.ACTION_MISMATCH,
                    e.status(), e.getMessage());
            default -> new OperationException(FaultKind.INTERNAL_ERROR, null, e.status(), e.getMessage());
        };
    }
}
