package hvemu.control;

import java.util.List;
import java.util.Map;

/**
 * The control plane of a running emulator: what a test harness uses to reset it, save and restore its state,
 * see what was exchanged, make it misbehave on purpose and step its jobs.
 *
 * <p>Implemented in process ({@link LocalAdmin}, from {@link hvemu.Emulator#admin()}) and over HTTP
 * ({@link HttpAdmin}, against {@code /hvemu/admin/}); {@link AdminRoutes} maps every route to one of these
 * methods, so the two behave alike. Failures are {@link AdminException}s carrying the HTTP status.
 */
public interface Admin {
    /**
     * Returns the emulator to the state it started in: the topology loaded at start (and the scenario's rules
     * and job modes, if one was given), with every pool, job, enumeration context, journal entry and fault
     * rule made since gone, and the job modes those given at start. Saved snapshots are kept. It happens
     * between WS-Man requests: those in flight finish first, later ones wait for it.
     */
    void reset();

    /**
     * Saves the current instances and jobs (running ones with their steps, modes and timers; finished ones
     * waiting for removal) under {@code name}, replacing a snapshot of that name. Job modes, the journal and
     * fault rules are not part of a snapshot.
     *
     * @throws AdminException 400 when the name is not 1 to 64 letters, digits, {@code .}, {@code _} or
     *     {@code -} starting with a letter or digit
     */
    void saveSnapshot(String name);

    /**
     * Returns the instances and jobs to those saved under {@code name}, between WS-Man requests; open
     * enumerations end. Time is not put back: each job's timers move by the time since the save, so what
     * remained of a timed job's run, or of a finished job's TimeBeforeRemoval, remains.
     *
     * @throws AdminException 404 when there is no such snapshot, 400 when the name is not valid
     */
    void restoreSnapshot(String name);

    /** Returns the names of the saved snapshots, in the order they were saved (a replaced one last). */
    List<String> snapshots();

    /**
     * Forgets the snapshot {@code name}.
     *
     * @throws AdminException 404 when there is no such snapshot, 400 when the name is not valid
     */
    void deleteSnapshot(String name);

    /** Returns the recorded exchanges that match {@code query}, oldest first (newest last). */
    List<JournalEntry> journal(JournalQuery query);

    /** Forgets every recorded exchange. */
    void clearJournal();

    /** Adds a fault-injection rule; returns it with its id and a hit count of 0. */
    FaultRule addFault(FaultRule rule);

    /** Returns the fault-injection rules in the order they match, with their hit counts. */
    List<FaultRule> faults();

    /** Removes the rule {@code id}. */
    void removeFault(String id);

    /** Removes every rule. */
    void clearFaults();

    /**
     * Sets how the jobs of a method progress from now on: {@code immediate}, a duration such as {@code 2s}
     * (timed, at most a day), or {@code manual} (each step on request). {@code method} is a method name such
     * as {@code CreateResourcePool} (any case), or {@code *} for every method without a mode of its own. A job
     * takes its method's mode when it starts and keeps it to its end.
     *
     * @throws AdminException 400 for a mode that is none of these, 404 for a method no class declares
     */
    void jobMode(String method, String mode);

    /** Returns the job mode of {@code *} and of each method that has one. */
    Map<String, String> jobModes();

    /** Returns every job the emulator holds, running or finished, oldest first. */
    List<JobView> jobs();

    /**
     * Moves a manual job one step on: New → Starting → Running → Completed (with its method's effects).
     *
     * @throws AdminException 404 for no such job, 409 when it has finished or does not run in manual mode
     */
    JobView advanceJob(String instanceId);

    /** Moves every running manual job one step on; returns how many moved. Timed jobs keep their pace. */
    int advanceJobs();

    /**
     * Completes a running job now, whatever its mode, with the effects of its method.
     *
     * @throws AdminException 404 for no such job, 409 when it has finished
     */
    JobView completeJob(String instanceId);

    /**
     * Ends a running job now, whatever its mode, in Exception (10) with the given ErrorCode (1–65535) and
     * ErrorDescription, leaving nothing made; GetError then returns that error.
     *
     * @throws AdminException 400 for an ErrorCode out of range, 404 for no such job, 409 when it has finished
     */
    JobView failJob(String instanceId, int errorCode, String errorDescription);

    /** Returns the instances of {@code className} and its subclasses. */
    default List<InstanceView> instances(String className) {
        return instances(className, Map.of());
    }

    /**
     * Returns the instances of {@code className} and its subclasses whose properties have the given values:
     * compared as text, strings without regard to case; an array matches when one element does.
     *
     * @throws AdminException 404 for a class the namespace lacks, 400 for a property it lacks or a reference
     */
    List<InstanceView> instances(String className, Map<String, String> where);
}
