package hvemu.control;

import hvemu.transport.ExchangeRecorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bounded journal of the exchanges on {@code /wsman}, newest last, as the transport's
 * {@link ExchangeRecorder}.
 *
 * <p>It keeps at most {@code maxEntries} exchanges, and bodies of at most {@code maxBytes} in all (requests
 * and responses together): the oldest go first when either bound is passed, though the newest exchange is
 * always kept. Recording holds the bytes as they are, and costs a lock and an append; they are read as text
 * only when the journal is read. Thread-safe.
 */
public final class RequestJournal implements ExchangeRecorder {
    /** How many exchanges are kept unless told otherwise. */
    public static final int DEFAULT_ENTRIES = 1000;
    /** How many bytes of bodies are kept unless told otherwise: 64 MiB. */
    public static final long DEFAULT_BYTES = 64L << 20;

    private final int maxEntries;
    private final long maxBytes;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long bytes;
    private long sequence;

    private record Kept(long sequence, Exchanged exchanged) {
        long size() {
            return (long) exchanged.request().length + exchanged.response().length;
        }
    }

    /**
     * A journal of at most {@code maxEntries} exchanges (0 keeps none) with bodies of at most {@code maxBytes}.
     *
     * @throws IllegalArgumentException when a bound is negative
     */
    public RequestJournal(int maxEntries, long maxBytes) {
        if (maxEntries < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("journal bounds are not negative: " + maxEntries + " entries, "
                    + maxBytes + " bytes");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    @Override
    public void record(Exchanged exchanged) {
        if (maxEntries == 0) {
            return;
        }
        synchronized (this) {
            Kept k = new Kept(++sequence, exchanged);
            kept.addLast(k);
            bytes += k.size();
            while (kept.size() > maxEntries || (bytes > maxBytes && kept.size() > 1)) {
                bytes -= kept.removeFirst().size();
            }
        }
    }

    /** Returns the kept exchanges that match {@code query}, oldest first; at most its limit of the newest. */
    public List<JournalEntry> find(JournalQuery query) {
        List<Kept> all;
        synchronized (this) {
            all = new ArrayList<>(kept);
        }
        List<JournalEntry> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && (query.limit() <= 0 || out.size() < query.limit()); i--) {
            Kept k = all.get(i);
            if (JournalEntries.matches(k.exchanged(), query)) {
                out.add(JournalEntries.of(k.sequence(), k.exchanged()));
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Forgets every exchange; numbering starts again from 1 (what a reset does to the journal). */
    public synchronized void clear() {
        kept.clear();
        bytes = 0;
        sequence = 0;
    }
}
