package hvemu.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The open enumerations: each holds the rest of its result and how to write it. A context that is not
 * pulled for {@code idleTimeout} expires (MS-WSMV §3.1.2: 60 s), so abandoned enumerations do not keep
 * memory; every Pull gives the enumeration a fresh context ID, as Windows does (wire.md §3.3).
 * Thread-safe.
 */
public final class EnumerationContexts {
    /** How an enumeration's items are written. */
    public enum Mode { OBJECTS, EPRS, OBJECTS_AND_EPRS }

    /**
     * An open enumeration: what remains, and how to write it.
     *
     * @param <T> the kind of item: instances, or class declarations
     */
    public static final class Context<T> {
        private final Iterator<T> source;
        private T pushedBack;
        private final Iterator<T> rest = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pushedBack != null || source.hasNext();
            }

            @Override
            public T next() {
                if (pushedBack != null) {
                    T i = pushedBack;
                    pushedBack = null;
                    return i;
                }
                return source.next();
            }
        };
        private final ItemFormat<T> format;

        Context(List<T> results, ItemFormat<T> format) {
            this.source = results.iterator();
            this.format = format;
        }

        Iterator<T> rest() {
            return rest;
        }

        /** Puts back the item a batch could not take; the next batch starts with it. */
        void pushBack(T item) {
            pushedBack = item;
        }

        boolean hasPushedBack() {
            return pushedBack != null;
        }

        ItemFormat<T> format() {
            return format;
        }
    }

    private record Entry(Context<?> context, Instant lastUsed) {
    }

    private final InstantSource clock;
    private final Duration idleTimeout;
    private final Map<String, Entry> open = new LinkedHashMap<>();

    public EnumerationContexts(InstantSource clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Opens a context; returns its ID ({@code uuid:} in upper case). */
    public synchronized String open(Context<?> context) {
        expire();
        String id = newId();
        open.put(id, new Entry(context, clock.instant()));
        return id;
    }

    /**
     * Takes a context out to be pulled from; {@link #reopen} puts it back under a new ID.
     *
     * @throws OperationException {@code n:InvalidEnumerationContext} when there is no such open context
     */
    public synchronized Context<?> take(String id) throws OperationException {
        expire();
        Entry e = id == null ? null : open.remove(id.trim());
        if (e == null) {
            throw new OperationException(FaultKind.INVALID_ENUMERATION_CONTEXT, "The enumeration context " + id
                    + " is not valid: it was never opened, was released, ended (also by a reset or a snapshot's "
                    + "restore), or expired after " + idleTimeout.toSeconds() + " s without a Pull.");
        }
        return e.context();
    }

    /** Puts a pulled context back, under a new ID; returns the ID. */
    public synchronized String reopen(Context<?> context) {
        return open(context);
    }

    /** Ends every open context (the model they enumerate is gone); returns how many there were. */
    public synchronized int clear() {
        int ended = open.size();
        open.clear();
        return ended;
    }

    /** Returns how many contexts are open. */
    public synchronized int size() {
        expire();
        return open.size();
    }

    private void expire() {
        Instant now = clock.instant();
        open.values().removeIf(e -> !e.lastUsed().plus(idleTimeout).isAfter(now));
    }

    private static String newId() {
        return "uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
