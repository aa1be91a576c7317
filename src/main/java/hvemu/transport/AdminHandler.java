package hvemu.transport;

/**
 * What answers the admin API under {@code /hvemu/admin/}: the transport checks credentials and reads the
 * body; the handler (the control plane's route table) does the rest.
 */
@FunctionalInterface
public interface AdminHandler {
    /** The prefix of the admin API's paths. */
    String PREFIX = "/hvemu/admin";

    /** An answer: status, JSON body (empty for none), and the {@code Allow} header of a 405 (or null). */
    record Reply(int status, byte[] body, String allow) {
    }

    /**
     * Answers one request; {@code path} is what follows {@link #PREFIX}, {@code query} the raw query string
     * or null.
     */
    Reply handle(String method, String path, String query, byte[] body);
}
