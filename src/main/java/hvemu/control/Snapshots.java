package hvemu.control;

import hvemu.job.JobEngine;
import hvemu.job.ModelSnapshot;
import hvemu.operations.EnumerationContexts;
import hvemu.operations.RequestGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Reset and the named snapshots: each a {@link ModelSnapshot} (instances and jobs together), saved and
 * restored while no WS-Man request runs ({@link RequestGate#exclusive}), so a request sees the model
 * wholly before or wholly after. A restore ends the open enumerations; a reset also puts the job modes
 * back, empties the stores given to {@link #clearOnReset} and then runs the {@link #afterReset} actions.
 * Thread-safe.
 */
final class Snapshots {
    /** A snapshot's name: a letter or digit, then letters, digits, {@code .}, {@code _} or {@code -}; 64 at most. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final JobEngine jobs;
    private final RequestGate gate;
    private final EnumerationContexts enumerations;
    private final List<Runnable> clears = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterReset = new CopyOnWriteArrayList<>();
    /** Guarded by itself; in the order saved (a replaced one counts as saved last). */
    private final Map<String, ModelSnapshot> saved = new LinkedHashMap<>();
    private volatile ModelSnapshot start;

    /** Snapshots of the model as it is now, which becomes the state {@link #reset} returns to. */
    Snapshots(JobEngine jobs, RequestGate gate, EnumerationContexts enumerations) {
        this.jobs = jobs;
        this.gate = gate;
        this.enumerations = enumerations;
        this.start = take();
    }

    void clearOnReset(Runnable clear) {
        clears.add(clear);
    }

    void afterReset(Runnable action) {
        afterReset.add(action);
    }

    void markStart() {
        start = take();
    }

    void reset() {
        ModelSnapshot to = start;
        gate.exclusive(() -> {
            jobs.restore(to);
            enumerations.clear();
            jobs.modes().reset();
            clears.forEach(Runnable::run);
            return null;
        });
        // Outside the gate: an action may send WS-Man requests, which the gate would keep waiting.
        afterReset.forEach(Runnable::run);
    }

    void save(String name) {
        check(name);
        ModelSnapshot snapshot = take();
        synchronized (saved) {
            saved.remove(name);
            saved.put(name, snapshot);
        }
    }

    void restore(String name) {
        ModelSnapshot snapshot;
        synchronized (saved) {
            snapshot = saved.get(check(name));
        }
        if (snapshot == null) {
            throw AdminException.notFound("no snapshot named " + name);
        }
        gate.exclusive(() -> {
            jobs.restore(snapshot);
            enumerations.clear();
            return null;
        });
    }

    List<String> names() {
        synchronized (saved) {
            return new ArrayList<>(saved.keySet());
        }
    }

    void delete(String name) {
        synchronized (saved) {
            if (saved.remove(check(name)) == null) {
                throw AdminException.notFound("no snapshot named " + name);
            }
        }
    }

    /** The model as it is now, its jobs brought up to the clock first, taken while no request runs. */
    private ModelSnapshot take() {
        return gate.exclusive(() -> {
            jobs.catchUp();
            return jobs.save();
        });
    }

    private static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw AdminException.badRequest("a snapshot name is 1 to 64 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit: \"" + name + "\"");
        }
        return name;
    }
}
