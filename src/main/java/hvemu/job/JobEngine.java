package hvemu.job;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.repository.InstanceRepository;
import hvemu.repository.InstanceRepository.Changes;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs {@code Msvm_ConcreteJob}s: New (2) → Starting (3) → Running (4) → Completed (7), or Exception
 * (10), or Terminated (8) and Killed (9) at a client's request, keeping the job instance's properties
 * true at each step (model.md §5.4; {@link JobStates}).
 *
 * <p>A method submits a job in two parts: {@link #prepare} inside the repository update that validated
 * the call (the job, its owner link and the reservations appear with the validation, atomically), and
 * {@link #start} once that update committed. At completion the job's {@link Outcome} runs in the same
 * update that marks the job Completed, so its results and the job's state appear together. A job
 * stopped before then ({@link #terminate}, {@link #kill}) or failed ({@link #fail}) never runs its
 * Outcome, and its reservations go with the change of state: it leaves nothing half made.
 *
 * <p>Finished jobs are removed with their links once their TimeBeforeRemoval has passed since they
 * finished, or at the next catch-up when DeleteOnCompletion is TRUE, by the values the job holds
 * <em>then</em>: a client may change them after the job finished. Thread-safe.
 */
public final class JobEngine {
    public static final String JOB_CLASS = "Msvm_ConcreteJob";
    public static final String AFFECTED = "Msvm_AffectedJobElement";
    public static final String OWNING = "Msvm_OwningJobElement";
    public static final int NEW = 2;
    public static final int STARTING = 3;
    public static final int RUNNING = 4;
    public static final int COMPLETED = 7;
    public static final int TERMINATED = 8;
    public static final int KILLED = 9;
    public static final int EXCEPTION = 10;
    /** ElementEffects: the job has exclusive use of the element while it runs. */
    public static final long EXCLUSIVE_USE = 2;
    /** ElementEffects: the job creates the element. */
    public static final long CREATE = 5;
    private static final Duration DEFAULT_TIME_BEFORE_REMOVAL = Duration.ofMinutes(5);
    private static final int STEPS = 3;

    private final Clock clock;
    private final InstanceRepository repository;
    private final String namespace;
    private volatile JobProgression progression;
    private final Map<String, Active> active = new LinkedHashMap<>();
    /**
     * Finished jobs by when they are due for removal, earliest first. A job whose removal time changed
     * has a newer entry; an entry that is not its job's entry in {@link #kept} is passed over.
     */
    private final java.util.PriorityQueue<Finished> finished =
            new java.util.PriorityQueue<>(java.util.Comparator.comparing(Finished::removeAt));
    /** The current entry of each finished job not yet removed, by InstanceID in upper case. */
    private final Map<String, Finished> kept = new ConcurrentHashMap<>();
    /** InstanceIDs of kept jobs that an update (a client's Put) changed or removed since the last catch-up. */
    private final Queue<String> touched = new ConcurrentLinkedQueue<>();
    /** The failure that jobs prepared by this thread are to meet, within a {@link #failing} scope. */
    private final ThreadLocal<JobFailure> failing = new ThreadLocal<>();

    /** What a job does when it completes: makes its results in {@code changes}, returning their paths. */
    @FunctionalInterface
    public interface Outcome {
        List<ObjectPath> complete(Changes changes);
    }

    /**
     * What a method asks of a job.
     *
     * @param jobType the Msvm_ConcreteJob JobType (150 creating a resource pool, ...)
     * @param name the job's Name and ElementName
     * @param owner the service that owns the job (Msvm_OwningJobElement)
     * @param reserved elements the job uses exclusively while it runs (Msvm_AffectedJobElement {2})
     * @param outcome what completion makes
     * @param cancellable whether a client may terminate or kill the job while it runs (Cancellable)
     */
    public record Spec(int jobType, String name, ObjectPath owner, List<ObjectPath> reserved, Outcome outcome,
            boolean cancellable) {
        public Spec {
            reserved = List.copyOf(reserved);
        }

        /** A job a client may cancel. */
        public Spec(int jobType, String name, ObjectPath owner, List<ObjectPath> reserved, Outcome outcome) {
            this(jobType, name, owner, reserved, outcome, true);
        }
    }

    /**
     * A job prepared in an update, to be started once the update commits, with the failure it is to meet
     * when it was prepared within a {@link #failing} scope (else null).
     */
    public record Pending(ObjectPath job, Spec spec, JobFailure failure) {
        /** A job that runs its course. */
        public Pending(ObjectPath job, Spec spec) {
            this(job, spec, null);
        }
    }

    /** The extent of a {@link #failing} call: closing it ends it. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** What a request to stop a job ({@link #terminate}, {@link #kill}) found. */
    public enum Stop {
        /** The job was running and is now Terminated (8) or Killed (9). */
        STOPPED,
        /** The job had already finished: Completed, Terminated, Killed or Exception. */
        FINISHED,
        /** The job runs, but its Cancellable is not TRUE. */
        NOT_CANCELLABLE,
        /** No job has that InstanceID. */
        NOT_FOUND
    }

    private record Active(ObjectPath job, Spec spec, Instant submitted, int step, JobFailure failure) {
    }

    /**
     * A finished job, the links it left, when it goes, when it finished, and whether its
     * DeleteOnCompletion counts (not after KillJob, whose DeleteOnKill takes precedence).
     */
    private record Finished(ObjectPath job, List<ObjectPath> links, Instant removeAt, Instant finishedAt,
            boolean honoursDeleteOnCompletion) {
        Finished at(Instant when) {
            return new Finished(job, links, when, finishedAt, honoursDeleteOnCompletion);
        }
    }

    private record Ending(Stop stop, CimInstance job) {
    }

    public JobEngine(Clock clock, JobProgression progression, InstanceRepository repository, String namespace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progression = Objects.requireNonNull(progression, "progression");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.namespace = namespace;
        Map<String, Finished> keptJobs = kept;
        Queue<String> changed = touched;
        repository.watch(JOB_CLASS, path -> {
            String k = key(path);
            if (keptJobs.containsKey(k)) {
                changed.add(k);
            }
        });
    }

    /**
     * Returns true when any of the {@code Msvm_AffectedJobElement} links (as a repository's
     * {@code referencing(element, AFFECTED)} answers them) says a running job holds {@code element} for
     * exclusive use.
     */
    public static boolean holds(List<CimInstance> affectedLinks, ObjectPath element) {
        return affectedLinks.stream().anyMatch(link -> element.matches((ObjectPath) link.get("AffectedElement"))
                && link.get("ElementEffects") instanceof List<?> effects && effects.contains(EXCLUSIVE_USE));
    }

    /** Returns the clock jobs run by. */
    public Clock clock() {
        return clock;
    }

    public JobProgression progression() {
        return progression;
    }

    /** Changes how jobs submitted from now on progress. */
    public void progression(JobProgression progression) {
        this.progression = Objects.requireNonNull(progression, "progression");
    }

    /** Returns the path of the job with that InstanceID. */
    public ObjectPath jobPath(String instanceId) {
        return ObjectPath.of(namespace, JOB_CLASS, Map.of("InstanceID", instanceId));
    }

    /** Creates the job (New), its owner link and its reservations in {@code changes}. */
    public Pending prepare(Changes changes, Spec spec) {
        Instant now = clock.now();
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("InstanceID", id);
        job.put("Name", spec.name());
        job.put("ElementName", spec.name());
        job.put("Caption", spec.name());
        job.put("Description", spec.name());
        job.put("JobType", (long) spec.jobType());
        job.putAll(JobStates.of(NEW));
        job.put("PercentComplete", 0L);
        job.put("TimeSubmitted", CimDateTime.of(now));
        job.put("TimeOfLastStateChange", CimDateTime.of(now));
        job.put("TimeBeforeRemoval", CimDateTime.interval(DEFAULT_TIME_BEFORE_REMOVAL));
        job.put("DeleteOnCompletion", Boolean.FALSE);
        job.put("Cancellable", spec.cancellable());
        job.put("Owner", String.valueOf(spec.owner().key("Name")));
        job.put("LocalOrUtcTime", 2L);
        ObjectPath path = changes.put(CimInstance.of(JOB_CLASS, job));
        changes.put(CimInstance.of(OWNING, Map.of("OwningElement", spec.owner(), "OwnedElement", path)));
        for (ObjectPath element : spec.reserved()) {
            changes.put(affected(element, path, EXCLUSIVE_USE));
        }
        return new Pending(path, spec, failing.get());
    }

    /**
     * Makes every job this thread prepares until the scope closes fail as {@code failure} says (a fault
     * rule's job error): it runs as usual until the step at which its PercentComplete would reach
     * {@code failure.atPercent()}, and ends there in Exception (10) with that error, its Outcome never run and
     * its reservations released, as a job failed by {@link #fail} is.
     */
    public Scope failing(JobFailure failure) {
        JobFailure outer = failing.get();
        failing.set(Objects.requireNonNull(failure, "failure"));
        return () -> {
            if (outer == null) {
                failing.remove();
            } else {
                failing.set(outer);
            }
        };
    }

    /** Starts a prepared job; an immediate job runs to its end now. */
    public synchronized void start(Pending pending) {
        Active a = new Active(pending.job(), pending.spec(), clock.now(), 0, pending.failure());
        active.put(key(pending.job()), a);
        if (progression instanceof JobProgression.Immediate) {
            while (active.containsKey(key(pending.job()))) {
                step(active.get(key(pending.job())), clock.now());
            }
        }
    }

    /** Applies every transition due by now, refreshes running jobs, and removes expired finished jobs. */
    public synchronized void catchUp() {
        Instant now = clock.now();
        if (progression instanceof JobProgression.Timed timed) {
            for (Active a : List.copyOf(active.values())) {
                Active current = a;
                while (current != null) {
                    Instant due = current.submitted().plus(timed.duration().multipliedBy(current.step() + 1)
                            .dividedBy(STEPS));
                    if (due.isAfter(now)) {
                        break;
                    }
                    step(current, due);
                    current = active.get(key(a.job()));
                }
            }
        }
        refreshRunning(now);
        removeExpired(now);
    }

    /** Moves one job a step; returns false when it has no active job of that InstanceID. */
    public synchronized boolean advance(String instanceId) {
        Active a = active.get(instanceId.toUpperCase(Locale.ROOT));
        if (a == null) {
            return false;
        }
        step(a, clock.now());
        return true;
    }

    /** Moves every active job a step; returns how many moved. */
    public synchronized int advanceAll() {
        List<Active> all = List.copyOf(active.values());
        all.forEach(a -> step(a, clock.now()));
        return all.size();
    }

    /** Completes a job now, whatever its step; returns false when it is not active. */
    public synchronized boolean complete(String instanceId) {
        String key = instanceId.toUpperCase(Locale.ROOT);
        if (!active.containsKey(key)) {
            return false;
        }
        while (active.containsKey(key)) {
            step(active.get(key), clock.now());
        }
        return true;
    }

    /** Ends an active job in Exception (10) with the given error; its reservations are released. */
    public synchronized boolean fail(String instanceId, int errorCode, String description) {
        Active a = active.remove(instanceId.toUpperCase(Locale.ROOT));
        if (a == null) {
            return false;
        }
        failed(a, errorCode, description, null, clock.now());
        return true;
    }

    /** Ends a job no longer active in Exception (10); {@code percent} is its PercentComplete, or null to keep it. */
    private void failed(Active a, int errorCode, String description, Long percent, Instant at) {
        CimInstance job = repository.update(changes -> {
            release(changes, a);
            Map<String, Object> values = new LinkedHashMap<>(JobStates.of(EXCEPTION));
            values.put("ErrorCode", (long) errorCode);
            values.put("ErrorDescription", description);
            values.put("ErrorSummaryDescription", description);
            if (percent != null) {
                values.put("PercentComplete", percent);
            }
            return update(changes, a.job(), at, values);
        });
        finish(a, job, List.of(), at, true);
    }

    /**
     * Stops an active job at a client's request (RequestStateChange 4 Terminate or 5 Kill): it becomes
     * Terminated (8) or Killed (9) at once, its Outcome never runs, and its reservations go. It is then
     * kept and removed like any finished job (DeleteOnCompletion and TimeBeforeRemoval).
     *
     * @return {@link Stop#STOPPED}, or why not: the job had finished, is not cancellable, or does not exist
     */
    public synchronized Stop terminate(String instanceId, boolean kill) {
        return stop(instanceId, kill ? KILLED : TERMINATED, false, true);
    }

    /**
     * Kills an active job (KillJob): as {@link #terminate terminate(instanceId, true)}, but
     * {@code deleteOnKill} decides its removal whatever its DeleteOnCompletion says (DSP's precedence):
     * TRUE removes the job and its links at once, FALSE keeps it for its TimeBeforeRemoval.
     */
    public synchronized Stop kill(String instanceId, boolean deleteOnKill) {
        return stop(instanceId, KILLED, deleteOnKill, false);
    }

    /** Returns the InstanceIDs of the jobs still running, oldest first. */
    public synchronized List<String> activeJobs() {
        return List.copyOf(active.keySet());
    }

    private Stop stop(String instanceId, int state, boolean delete, boolean honoursDeleteOnCompletion) {
        String k = instanceId.toUpperCase(Locale.ROOT);
        Active a = active.get(k);
        if (a == null) {
            return repository.get(jobPath(instanceId)).isPresent() ? Stop.FINISHED : Stop.NOT_FOUND;
        }
        Instant now = clock.now();
        ObjectPath owning = link(OWNING, "OwningElement", a.spec().owner(), "OwnedElement", a.job());
        Ending ending = repository.update(changes -> {
            Optional<CimInstance> current = changes.get(a.job());
            if (current.isEmpty()) {
                return new Ending(Stop.NOT_FOUND, null);
            }
            if (!Boolean.TRUE.equals(current.get().get("Cancellable"))) {
                return new Ending(Stop.NOT_CANCELLABLE, current.get());
            }
            release(changes, a);
            Map<String, Object> values = new LinkedHashMap<>(JobStates.of(state));
            String verb = state == KILLED ? "killed" : "terminated";
            values.put("ErrorDescription", "The job was " + verb + " at a client's request before it completed.");
            values.put("ErrorSummaryDescription", "Job " + verb);
            CimInstance job = update(changes, a.job(), now, values);
            if (delete) {
                changes.delete(a.job());
                changes.delete(owning);
            }
            return new Ending(Stop.STOPPED, job);
        });
        if (ending.stop() == Stop.NOT_FOUND || ending.stop() == Stop.STOPPED) {
            active.remove(k);
        }
        if (ending.stop() == Stop.STOPPED && !delete) {
            finish(a, ending.job(), List.of(), now, honoursDeleteOnCompletion);
        }
        return ending.stop();
    }

    private void step(Active a, Instant at) {
        int next = a.step() + 1;
        JobFailure failure = a.failure();
        if (failure != null && percentAt(next) >= failure.atPercent()) {
            active.remove(key(a.job()));
            failed(a, failure.errorCode(), failure.errorDescription(), (long) failure.atPercent(), at);
            return;
        }
        if (next < STEPS) {
            repository.update(changes -> {
                Map<String, Object> values = new LinkedHashMap<>(JobStates.of(next == 1 ? STARTING : RUNNING));
                values.put("PercentComplete", next == 1 ? 0L : 50L);
                if (next == 1) {
                    values.put("StartTime", CimDateTime.of(at));
                    values.put("ElapsedTime", CimDateTime.interval(Duration.ZERO));
                }
                update(changes, a.job(), at, values);
                return null;
            });
            active.put(key(a.job()), new Active(a.job(), a.spec(), a.submitted(), next, failure));
            return;
        }
        active.remove(key(a.job()));
        try {
            List<ObjectPath> links = new ArrayList<>();
            CimInstance job = repository.update(changes -> {
                List<ObjectPath> made = a.spec().outcome().complete(changes);
                release(changes, a);
                made.forEach(element -> links.add(changes.put(affected(element, a.job(), CREATE))));
                Map<String, Object> values = new LinkedHashMap<>(JobStates.of(COMPLETED));
                values.put("PercentComplete", 100L);
                values.put("ErrorCode", 0L);
                return update(changes, a.job(), at, values);
            });
            finish(a, job, links, at, true);
        } catch (RuntimeException e) {
            active.put(key(a.job()), a);
            fail(key(a.job()), 2, "The job failed: " + e.getMessage());
        }
    }

    /** The PercentComplete a job has after {@code step} steps: Starting 0, Running 50, Completed 100. */
    private static int percentAt(int step) {
        return step >= STEPS ? 100 : step == 1 ? 0 : 50;
    }

    private void refreshRunning(Instant now) {
        if (active.isEmpty()) {
            return;
        }
        repository.update(changes -> {
            for (Active a : active.values()) {
                changes.get(a.job()).filter(job -> job.get("StartTime") instanceof CimDateTime)
                        .ifPresent(job -> changes.put(job.with("ElapsedTime", elapsed(job, now))));
            }
            return null;
        });
    }

    private void finish(Active a, CimInstance job, List<ObjectPath> links, Instant at,
            boolean honoursDeleteOnCompletion) {
        List<ObjectPath> all = new ArrayList<>(links);
        all.add(link(OWNING, "OwningElement", a.spec().owner(), "OwnedElement", a.job()));
        schedule(new Finished(a.job(), List.copyOf(all), removalTime(job, at, honoursDeleteOnCompletion), at,
                honoursDeleteOnCompletion));
    }

    private void schedule(Finished f) {
        kept.put(key(f.job()), f);
        finished.add(f);
    }

    /** When a job that finished at {@code finishedAt} goes, by the values it holds now. */
    private static Instant removalTime(CimInstance job, Instant finishedAt, boolean honoursDeleteOnCompletion) {
        if (honoursDeleteOnCompletion && Boolean.TRUE.equals(job.get("DeleteOnCompletion"))) {
            return finishedAt;
        }
        Object wait = job.get("TimeBeforeRemoval");
        Duration keep = wait instanceof CimDateTime w && w.isInterval() ? w.interval() : DEFAULT_TIME_BEFORE_REMOVAL;
        try {
            return finishedAt.plus(keep);
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MAX;
        }
    }

    /**
     * Removes the finished jobs due by now with their links. A job a client changed since the last look
     * is rescheduled by its current DeleteOnCompletion and TimeBeforeRemoval first, and every due job is
     * checked against its current values again in the update that removes it.
     */
    private void removeExpired(Instant now) {
        for (String k = touched.poll(); k != null; k = touched.poll()) {
            Finished f = kept.get(k);
            if (f != null) {
                Instant at = repository.get(f.job())
                        .map(job -> removalTime(job, f.finishedAt(), f.honoursDeleteOnCompletion()))
                        .orElse(f.finishedAt());
                if (!at.equals(f.removeAt())) {
                    schedule(f.at(at));
                }
            }
        }
        List<Finished> due = new ArrayList<>();
        while (!finished.isEmpty() && !finished.peek().removeAt().isAfter(now)) {
            Finished f = finished.poll();
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
        later.forEach(this::schedule);
    }

    /** Removes the job's exclusive-use links, which {@link #prepare} made for its reserved elements. */
    private void release(Changes changes, Active a) {
        for (ObjectPath element : a.spec().reserved()) {
            changes.delete(link(AFFECTED, "AffectedElement", element, "AffectingElement", a.job()));
        }
    }

    private ObjectPath link(String association, String first, ObjectPath a, String second, ObjectPath b) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(first, a);
        keys.put(second, b);
        return ObjectPath.of(namespace, association, keys);
    }

    private static CimInstance affected(ObjectPath element, ObjectPath job, long effect) {
        return CimInstance.of(AFFECTED, Map.of("AffectedElement", element, "AffectingElement", job,
                "ElementEffects", List.of(effect)));
    }

    private static CimInstance update(Changes changes, ObjectPath job, Instant at, Map<String, Object> values) {
        CimInstance current = changes.get(job).orElseThrow(() -> new IllegalStateException("job " + job + " is gone"));
        CimInstance next = current.with(values).with("TimeOfLastStateChange", CimDateTime.of(at));
        if (next.get("StartTime") instanceof CimDateTime) {
            next = next.with("ElapsedTime", elapsed(next, at));
        }
        changes.put(next);
        return next;
    }

    private static CimDateTime elapsed(CimInstance job, Instant now) {
        Instant start = ((CimDateTime) job.get("StartTime")).timestamp().toInstant();
        return CimDateTime.interval(now.isBefore(start) ? Duration.ZERO : Duration.between(start, now));
    }

    private static String key(ObjectPath job) {
        return String.valueOf(job.key("InstanceID")).toUpperCase(Locale.ROOT);
    }

    /**
     * Removes a finished job (JobState 7 Completed, 8 Terminated, 9 Killed or 10 Exception) now, as a
     * client's Delete asks: the job and every {@code Msvm_AffectedJobElement} and
     * {@code Msvm_OwningJobElement} that refers to it go in one repository update, and the engine
     * forgets it (it is no longer due for removal).
     *
     * @return false, changing nothing, when no job has that InstanceID or it has not finished
     */
    public synchronized boolean remove(String instanceId) {
        String id = instanceId.toUpperCase(Locale.ROOT);
        if (active.containsKey(id)) {
            return false;
        }
        ObjectPath job = jobPath(instanceId);
        boolean removed = repository.update(changes -> {
            Object state = changes.get(job).map(j -> j.get("JobState")).orElse(null);
            if (!(state instanceof Long s) || s < COMPLETED || s > EXCEPTION) {
                return false;
            }
            for (CimInstance l : changes.referencing(job, AFFECTED)) {
                changes.delete(link(AFFECTED, "AffectedElement", (ObjectPath) l.get("AffectedElement"),
                        "AffectingElement", (ObjectPath) l.get("AffectingElement")));
            }
            for (CimInstance l : changes.referencing(job, OWNING)) {
                changes.delete(link(OWNING, "OwningElement", (ObjectPath) l.get("OwningElement"),
                        "OwnedElement", (ObjectPath) l.get("OwnedElement")));
            }
            changes.delete(job);
            return true;
        });
        if (removed) {
            // Its queue entry is passed over when it comes due: it is no longer the job's entry in kept.
            kept.remove(id);
        }
        return removed;
    }
}
