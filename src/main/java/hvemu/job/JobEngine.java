package hvemu.job;

import static hvemu.job.FinishedJobs.key;
import static hvemu.job.JobInstances.affected;
import static hvemu.job.JobInstances.update;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.job.HeldJobs.Active;
import hvemu.repository.InstanceRepository;
import hvemu.repository.InstanceRepository.Changes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
 * <p>Each job progresses in the mode of its method ({@link #modes()}: immediate, timed or stepped), taken
 * when it starts and kept to its end. Finished jobs are removed with their links by {@link FinishedJobs}.
 * {@link #save()} and {@link #restore} take and put back the instances and the jobs together. Thread-safe.
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
    private static final int STEPS = 3;

    private final Clock clock;
    private final InstanceRepository repository;
    private final String namespace;
    private final JobModes modes;
    private final HeldJobs held;
    /** {@link #held}'s running jobs by InstanceID in upper case, oldest first, and its finished ones. */
    private final Map<String, Active> active;
    private final FinishedJobs finished;
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
     * @param method the name of the method that starts the job (e.g. {@code CreateResourcePool}), whose
     *     mode it runs in ({@link JobModes}); null for none: the job runs in the default mode
     */
    public record Spec(int jobType, String name, ObjectPath owner, List<ObjectPath> reserved, Outcome outcome,
            boolean cancellable, String method) {
        public Spec {
            reserved = List.copyOf(reserved);
        }

        /** A job of no named method (it runs in the default mode). */
        public Spec(int jobType, String name, ObjectPath owner, List<ObjectPath> reserved, Outcome outcome,
                boolean cancellable) {
            this(jobType, name, owner, reserved, outcome, cancellable, null);
        }

        /** A job of no named method that a client may cancel. */
        public Spec(int jobType, String name, ObjectPath owner, List<ObjectPath> reserved, Outcome outcome) {
            this(jobType, name, owner, reserved, outcome, true, null);
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

    private record Ending(Stop stop, CimInstance job) {
    }

    /** An engine whose jobs progress as {@code progression} (the default mode) until told otherwise. */
    public JobEngine(Clock clock, JobProgression progression, InstanceRepository repository, String namespace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.modes = new JobModes(Objects.requireNonNull(progression, "progression"));
        this.repository = Objects.requireNonNull(repository, "repository");
        this.namespace = namespace;
        this.finished = new FinishedJobs(repository);
        this.held = new HeldJobs(finished);
        this.active = held.running;
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

    /** Returns the modes the jobs of each method start in. */
    public JobModes modes() {
        return modes;
    }

    /** Returns the default mode: that of the jobs of every method without a mode of its own. */
    public JobProgression progression() {
        return modes.of(JobModes.DEFAULT);
    }

    /** Changes the default mode, for the jobs started from now on. */
    public void progression(JobProgression progression) {
        modes.set(JobModes.DEFAULT, progression);
    }

    /** Returns the path of the job with that InstanceID. */
    public ObjectPath jobPath(String instanceId) {
        return ObjectPath.of(namespace, JOB_CLASS, Map.of("InstanceID", instanceId));
    }

    /** Creates the job (New), its owner link and its reservations in {@code changes}. */
    public Pending prepare(Changes changes, Spec spec) {
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        ObjectPath path = changes.put(CimInstance.of(JOB_CLASS, JobInstances.submitted(spec, id, clock.now())));
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

    /** Starts a prepared job in the mode of its method; an immediate job runs to its end now. */
    public synchronized void start(Pending pending) {
        String k = key(pending.job());
        active.put(k, new Active(pending.job(), pending.spec(), clock.now(), 0, modes.of(pending.spec().method()),
                pending.failure()));
        if (active.get(k).mode() instanceof JobProgression.Immediate) {
            while (active.containsKey(k)) {
                step(active.get(k), clock.now());
            }
        }
    }

    /** Applies every transition due by now, refreshes running jobs, and removes expired finished jobs. */
    public synchronized void catchUp() {
        Instant now = clock.now();
        for (Active a : List.copyOf(active.values())) {
            if (!(a.mode() instanceof JobProgression.Timed timed)) {
                continue;
            }
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
        refreshRunning(now);
        finished.removeExpired(now);
    }

    /** Moves a running job a step, whatever its mode; returns false when no job of that InstanceID runs. */
    public synchronized boolean advance(String instanceId) {
        Active a = active.get(instanceId.toUpperCase(Locale.ROOT));
        if (a == null) {
            return false;
        }
        step(a, clock.now());
        return true;
    }

    /** Moves every running stepped (manual) job a step; returns how many moved. Timed jobs keep their pace. */
    public synchronized int advanceAll() {
        List<Active> stepped = active.values().stream().filter(a -> a.mode() instanceof JobProgression.Stepped)
                .toList();
        stepped.forEach(a -> step(a, clock.now()));
        return stepped.size();
    }

    /** Completes a job now, whatever its step; returns false when it is not running. */
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

    /** Ends a running job in Exception (10) with the given error; its reservations are released. */
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
            Map<String, Object> values = JobInstances.failure(errorCode, description);
            if (percent != null) {
                values.put("PercentComplete", percent);
            }
            return update(changes, a.job(), at, values);
        });
        finished.add(a, job, List.of(), at, true);
    }

    /**
     * Stops a running job at a client's request (RequestStateChange 4 Terminate or 5 Kill): it becomes
     * Terminated (8) or Killed (9) at once, its Outcome never runs, and its reservations go. It is then
     * kept and removed like any finished job (DeleteOnCompletion and TimeBeforeRemoval).
     *
     * @return {@link Stop#STOPPED}, or why not: the job had finished, is not cancellable, or does not exist
     */
    public synchronized Stop terminate(String instanceId, boolean kill) {
        return stop(instanceId, kill ? KILLED : TERMINATED, false, true);
    }

    /**
     * Kills a running job (KillJob): as {@link #terminate terminate(instanceId, true)}, but
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

    /** Returns every job instance held, running or finished, oldest first, with its method and mode. */
    public synchronized List<Job> jobs() {
        return repository.instancesOf(JOB_CLASS).stream().map(held::describe).toList();
    }

    /** Returns the job with that InstanceID, if there is one, with its method and mode. */
    public synchronized Optional<Job> job(String instanceId) {
        return repository.get(jobPath(instanceId)).map(held::describe);
    }

    /**
     * Returns the instances and the jobs as they are now, for {@link #restore}. No request may be between a
     * job's {@link #prepare} and its {@link #start} meanwhile (the emulator saves while no request runs): a
     * job prepared and not yet started would be saved without the engine's part.
     */
    public synchronized ModelSnapshot save() {
        return new ModelSnapshot(repository.snapshot(), held.state(), clock.now());
    }

    /**
     * Puts back the instances and the jobs of a snapshot, together. Time is not put back: every job's timers
     * (a timed job's steps, a finished job's removal) move by the time since the save, so what remained of
     * each wait remains. The same rule as {@link #save()} holds for requests in flight.
     */
    public synchronized void restore(ModelSnapshot snapshot) {
        repository.restore(snapshot.instances());
        Duration later = Duration.between(snapshot.savedAt(), clock.now());
        held.restore(snapshot.jobs(), later.isNegative() ? Duration.ZERO : later);
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
        return finished.removeNow(jobPath(instanceId));
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
            CimInstance job = update(changes, a.job(), now, JobInstances.stopped(state));
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
            finished.add(a, ending.job(), List.of(), now, honoursDeleteOnCompletion);
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
            repository.update(changes -> update(changes, a.job(), at, JobInstances.step(next, at)));
            active.put(key(a.job()), a.next());
            return;
        }
        active.remove(key(a.job()));
        try {
            List<ObjectPath> links = new ArrayList<>();
            CimInstance job = repository.update(changes -> {
                List<ObjectPath> made = a.spec().outcome().complete(changes);
                release(changes, a);
                made.forEach(element -> links.add(changes.put(affected(element, a.job(), CREATE))));
                return update(changes, a.job(), at, JobInstances.step(STEPS, at));
            });
            finished.add(a, job, links, at, true);
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
            active.values().forEach(a -> JobInstances.refresh(changes, a.job(), now));
            return null;
        });
    }

    /** Removes the job's exclusive-use links, which {@link #prepare} made for its reserved elements. */
    private void release(Changes changes, Active a) {
        a.spec().reserved().forEach(e -> changes.delete(link(AFFECTED, "AffectedElement", e, "AffectingElement",
                a.job())));
    }

    private ObjectPath link(String association, String first, ObjectPath a, String second, ObjectPath b) {
        return JobInstances.link(namespace, association, first, a, second, b);
    }
}
