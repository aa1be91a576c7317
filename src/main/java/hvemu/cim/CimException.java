package hvemu.cim;

import java.util.Objects;

/**
 * A failure at the CIM level, with its status and a message that says what was wrong.
 *
 * <p>Outcomes a method's MOF models as return codes are returned, not thrown; this exception is for
 * what the protocol must answer with a fault (no such instance, no such class, bad parameter type).
 */
public final class CimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CimStatus status;

    public CimException(CimStatus status, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Returns the CIM status. */
    public CimStatus status() {
        return status;
    }

    /** Returns a NOT_FOUND failure for an instance that does not exist. */
    public static CimException notFound(ObjectPath path) {
        return new CimException(CimStatus.NOT_FOUND, "No instance " + path + " exists.");
    }

    /** Returns an INVALID_CLASS failure for a class that does not exist. */
    public static CimException noSuchClass(String className) {
        return new CimException(CimStatus.INVALID_CLASS, "The class " + className + " does not exist.");
    }
}
