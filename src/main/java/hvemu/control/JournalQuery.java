package hvemu.control;

/**
 * Which journal entries to return; a null field matches every entry.
 *
 * @param action the exact WS-Addressing Action
 * @param resourceUri the ResourceURI, case-insensitively
 * @param method the invoked method's name (Invoke only), case-insensitively
 * @param limit at most this many of the newest matching entries; 0 for all
 */
public record JournalQuery(String action, String resourceUri, String method, int limit) {
    /** Every entry. */
    public static JournalQuery all() {
        return new JournalQuery(null, null, null, 0);
    }
}
