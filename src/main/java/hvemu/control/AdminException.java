package hvemu.control;

/**
 * A control-plane request that cannot be done, with the HTTP status the admin API answers it with:
 * 400 for a malformed request, 404 for a snapshot, job, rule or class that does not exist, 409 for a state
 * that does not allow it (advancing a job that is not manual).
 */
public final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A 400: the request is malformed; the message says what is wrong. */
    public static AdminException badRequest(String message) {
        return new AdminException(400, message);
    }

    /** A 404: the named thing does not exist. */
    public static AdminException notFound(String message) {
        return new AdminException(404, message);
    }

    /** A 409: the thing is not in a state that allows the request; the message says which state. */
    public static AdminException conflict(String message) {
        return new AdminException(409, message);
    }

    /** Returns the HTTP status of the failure. */
    public int status() {
        return status;
    }
}
