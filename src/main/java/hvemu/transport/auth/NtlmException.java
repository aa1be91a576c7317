package hvemu.transport.auth;

/**
 * A token or sealed message that cannot be accepted: malformed, not verified, or out of sequence. Its
 * message is for the server's debug log only; the client gets a bare 401.
 */
public final class NtlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NtlmException(String message) {
        super(message, null, false, false);
    }
}
