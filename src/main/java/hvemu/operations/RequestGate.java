package hvemu.operations;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets requests run together, and a change of the whole model (a reset, a snapshot's save or restore) run
 * alone between them: a request sees the model wholly before or wholly after such a change, never half of
 * it, and an enumeration context it holds is not ended under it.
 *
 * <p>Requests pass through {@link #guard}ed operations; {@link #exclusive} waits for the requests in
 * flight to finish, keeps new ones waiting while it runs, then lets them go. The work given to
 * {@code exclusive} must not wait for a request (it would wait forever). Thread-safe.
 */
public final class RequestGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Returns {@code operation} run inside the gate, together with other requests. */
    public Operation guard(Operation operation) {
        return request -> {
            lock.readLock().lock();
            try {
                return operation.execute(request);
            } finally {
                lock.readLock().unlock();
            }
        };
    }

    /** Runs {@code work} while no request runs; returns what it returns. */
    public <T> T exclusive(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
