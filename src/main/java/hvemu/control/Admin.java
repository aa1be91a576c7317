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
     * rule made since gone. Saved snapshots are kept.
     */
    void reset();

    /** Saves the current instances and jobs under {@code name}, replacing a snapshot of that name. */
    void saveSnapshot(String name);

    /** Returns the instances and jobs to those saved under {@code name}; open enumerations end. */
    void restoreSnapshot(String name);

    /** Returns the names of the saved snapshots, in the order they were saved. */
    List<String> snapshots();

    /** Forgets the snapshot {@code name}. */
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
     * (timed), or {@code manual} (each step on request). {@code method} is a method name such as
     * {@code CreateResourcePool}, or {@code *} for every method without a mode of its own.
     */
    void jobMode(String method, String mode);

    /** Returns the job mode of each method that has one, and {@code *}. */
    Map<String, String> jobModes();

    /** Returns every job the emulator holds, running or finished, oldest first. */
    List<JobView> jobs();

    /** Moves a running job one step on (a manual job: New → Starting → Running → Completed). */
    JobView advanceJob(String instanceId);

    /** Moves every running job one step on; returns how many moved. */
    int advanceJobs();

    /** Completes a running job now, with the effects of its method. */
    JobView completeJob(String instanceId);

    /** Ends a running job now in Exception (10) with the given error, leaving nothing made. */
    JobView failJob(String instanceId, int errorCode, String errorDescription);

    /** Returns the instances of {@code className} and its subclasses. */
    List<InstanceView> instances(String className);
}
