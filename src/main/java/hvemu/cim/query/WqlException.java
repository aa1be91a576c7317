package hvemu.cim.query;

/** A query that cannot be parsed or does not fit the schema; the message says what and where. */
public final class WqlException extends Exception {
    private static final long serialVersionUID = 1L;

    public WqlException(String message) {
        super(message, null, false, false);
    }
}
