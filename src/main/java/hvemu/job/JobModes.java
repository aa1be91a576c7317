package hvemu.job;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the jobs of each method progress: a {@link JobProgression} per method name (compared without regard
 * to case, as WMI compares method names), and one for {@link #DEFAULT every other method} (moto's state
 * manager: defaults plus test overrides).
 *
 * <p>A job takes the mode of its method when it starts and keeps it to its end: a change applies to the
 * jobs started after it. {@link #reset()} goes back to the modes given at construction. Thread-safe.
 */
public final class JobModes {
    /** The name that stands for every method without a mode of its own. */
    public static final String DEFAULT = "*";

    private final JobProgression start;
    /** By method name in lower case: the name as first given, and its mode; {@link #DEFAULT} first. */
    private final Map<String, Map.Entry<String, JobProgression>> modes = new LinkedHashMap<>();

    /** Modes where every method's jobs progress as {@code start}. */
    public JobModes(JobProgression start) {
        this.start = Objects.requireNonNull(start, "start");
        reset();
    }

    /** Returns the mode of the jobs of {@code method}: its own, or the default one (also for null). */
    public synchronized JobProgression of(String method) {
        Map.Entry<String, JobProgression> own = method == null ? null : modes.get(key(method));
        return own != null ? own.getValue() : modes.get(DEFAULT).getValue();
    }

    /** Sets the mode of the jobs {@code method} starts from now on; {@link #DEFAULT} sets the default. */
    public synchronized void set(String method, JobProgression mode) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        Map.Entry<String, JobProgression> old = modes.get(key(method));
        modes.put(key(method), Map.entry(old != null ? old.getKey() : method, mode));
    }

    /** Returns each method that has a mode, {@link #DEFAULT} first, then in the order they were first set. */
    public synchronized Map<String, JobProgression> all() {
        Map<String, JobProgression> out = new LinkedHashMap<>();
        modes.values().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Forgets every method's own mode and sets the default back to the one given at construction. */
    public synchronized void reset() {
        modes.clear();
        modes.put(DEFAULT, Map.entry(DEFAULT, start));
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
