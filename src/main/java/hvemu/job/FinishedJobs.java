package hvemu.job;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.repository.InstanceRepository;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The finished jobs the engine keeps until their removal: each is removed with its links once its
 * TimeBeforeRemoval has passed since it finished, or at the next catch-up when DeleteOnCompletion is TRUE,
 * by the values the job holds <em>then</em> (a client may change them after the job finished).
 *
 * <p>Guarded by its {@link JobEngine}: every method but the repository's watch runs under the engine's
 * lock. The watch, which runs inside other threads' updates, only touches concurrent collections.
 */
final class FinishedJobs {
    static final Duration DEFAULT_TIME_BEFORE_REMOVAL = Duration.ofMinutes(5);

    /**
     * A finished job, the links it left, when it goes, when it finished, whether its DeleteOnCompletion
     * counts (not after KillJob, whose DeleteOnKill takes precedence), and the method and mode it ran in.
     */
    record Finished(ObjectPath job, List<ObjectPath> links, Instant removeAt, Instant finishedAt,
            boolean honoursDeleteOnCompletion, String method, JobProgression mode) {
        Finished at(Instant when) {
            return new Finished(job, links, when, finishedAt, honoursDeleteOnCompletion, method, mode);
        }

        /** This entry with its instants {@code by} later: what remained of its wait remains. */
        Finished later(Duration by) {
            return new Finished(job, links, plus(removeAt, by), plus(finishedAt, by), honoursDeleteOnCompletion,
                    method, mode);
        }
    }

    /** What {@link #state()} saves: the entries, and the jobs a client changed since the last catch-up. */
    record State(List<Finished> kept, List<String> touched) {
    }

    private final InstanceRepository repository;
    /**
     * Finished jobs by when they are due for removal, earliest first. A job whose removal time changed
     * has a newer entry; an entry that is not its job's entry in {@link #kept} is passed over.
     */
    private final PriorityQueue<Finished> queue = new PriorityQueue<>(Comparator.comparing(Finished::removeAt));
    /** The current entry of each finished job not yet removed, by InstanceID in upper case. */
    private final Map<String, Finished> kept = new ConcurrentHashMap<>();
    /** InstanceIDs of kept jobs that an update (a client's Put) changed or removed since the last catch-up. */
    private final Queue<String> touched = new ConcurrentLinkedQueue<>();

    FinishedJobs(InstanceRepository repository) {
        this.repository = repository;
        Map<String, Finished> keptJobs = kept;
        Queue<String> changed = touched;
        repository.watch(JobEngine.JOB_CLASS, path -> {
            String k = key(path);
            if (keptJobs.containsKey(k)) {
                changed.add(k);
            }
        });
    }

    /**
     * Keeps a job that finished {@code at}, whose instance is now {@code job}, until its removal with the
     * links it left and its owner link.
     */
    void add(HeldJobs.Active a, CimInstance job, List<ObjectPath> links, Instant at,
            boolean honoursDeleteOnCompletion) {
        List<ObjectPath> all = new ArrayList<>(links);
        all.add(JobInstances.link(a.job().namespace(), JobEngine.OWNING, "OwningElement", a.spec().owner(),
                "OwnedElement", a.job()));
        add(new Finished(a.job(), List.copyOf(all), removalTime(job, at, honoursDeleteOnCompletion), at,
                honoursDeleteOnCompletion, a.spec().method(), a.mode()));
    }

    /** Keeps a job that finished at {@code f.finishedAt()} until its removal time. */
    void add(Finished f) {
        kept.put(key(f.job()), f);
        queue.add(f);
    }

    /** Returns the entry of a kept job, by InstanceID in upper case, or null. */
    Finished get(String key) {
        return kept.get(key);
    }

    /**
     * Removes a finished job now with every link that refers to it (a client's Delete), and forgets it: its
     * queue entry is passed over when due. Returns false, changing nothing, when it has not finished.
     */
    boolean removeNow(ObjectPath job) {
        boolean removed = repository.update(changes -> {
            Object state = changes.get(job).map(j -> j.get("JobState")).orElse(null);
            if (!(state instanceof Long s) || !JobStates.isFinished(s.intValue())) {
                return false;
            }
            for (CimInstance l : changes.referencing(job, JobEngine.AFFECTED)) {
                changes.delete(link(job, l, JobEngine.AFFECTED, "AffectedElement", "AffectingElement"));
            }
            for (CimInstance l : changes.referencing(job, JobEngine.OWNING)) {
                changes.delete(link(job, l, JobEngine.OWNING, "OwningElement", "OwnedElement"));
            }
            changes.delete(job);
            return true;
        });
        if (removed) {
            kept.remove(key(job));
        }
        return removed;
    }

    /** The path of a link of the job: its two references, in the job's namespace. */
    private static ObjectPath link(ObjectPath job, CimInstance l, String association, String first, String second) {
        return JobInstances.link(job.namespace(), association, first, (ObjectPath) l.get(first), second,
                (ObjectPath) l.get(second));
    }

    State state() {
        return new State(List.copyOf(kept.values()), List.copyOf(touched));
    }

    /** Replaces every entry with those of {@code state}, each {@code later} by the given time. */
    void restore(State state, Duration later) {
        kept.clear();
        queue.clear();
        touched.clear();
        state.kept().forEach(f -> add(f.later(later)));
        touched.addAll(state.touched());
    }

    /** When a job that finished at {@code finishedAt} goes, by the values it holds now. */
    static Instant removalTime(CimInstance job, Instant finishedAt, boolean honoursDeleteOnCompletion) {
        if (honoursDeleteOnCompletion && Boolean.TRUE.equals(job.get("DeleteOnCompletion"))) {
            return finishedAt;
        }
        Object wait = job.get("TimeBeforeRemoval");
        Duration keep = wait instanceof CimDateTime w && w.isInterval() ? w.interval() : DEFAULT_TIME_BEFORE_REMOVAL;
        return plus(finishedAt, keep);
    }

    /**
     * Removes the finished jobs due by now with their links. A job a client changed since the last look
     * is rescheduled by its current DeleteOnCompletion and TimeBeforeRemoval first, and every due job is
     * checked against its current values again in the update that removes it.
     */
    void removeExpired(Instant now) {
        for (String k = touched.poll(); k != null; k = touched.poll()) {
            Finished f = kept.get(k);
            if (f != null) {
                Instant at = repository.get(f.job())
                        .map(job -> removalTime(job, f.finishedAt(), f.honoursDeleteOnCompletion()))
                        .orElse(f.finishedAt());
                if (!at.equals(f.removeAt())) {
                    add(f.at(at));
                }
            }
        }
        List<Finished> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().removeAt().isAfter(now)) {
            Finished f = queue.poll();
            if (kept.get(key(f.job())) == f) {
                due.add(f);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        List<Finished> later = repository.update(changes -> {
            List<Finished> notYet = new ArrayList<>();
            for (Finished f : due) {
                Instant at = changes.get(f.job())
                        .map(job -> removalTime(job, f.finishedAt(), f.honoursDeleteOnCompletion()))
                        .orElse(f.finishedAt());
                if (at.isAfter(now)) {
                    notYet.add(f.at(at));
                } else {
                    changes.delete(f.job());
                    f.links().forEach(changes::delete);
                }
            }
            return notYet;
        });
        due.forEach(f -> kept.remove(key(f.job()), f));
        later.forEach(this::add);
    }

    static String key(ObjectPath job) {
        return String.valueOf(job.key("InstanceID")).toUpperCase(Locale.ROOT);
    }

    /** {@code at + by}, or {@link Instant#MAX} when that is beyond what an Instant holds. */
    static Instant plus(Instant at, Duration by) {
        try {
            return at.plus(by);
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MAX;
        }
    }
}
