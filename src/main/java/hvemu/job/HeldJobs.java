package hvemu.job;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.job.FinishedJobs.Finished;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's own state: the running jobs (spec, step, mode, submission) and the finished ones waiting for
 * removal; what {@link JobEngine#save()} takes and {@link JobEngine#restore} puts back. Guarded by its
 * {@link JobEngine}.
 */
final class HeldJobs {
    /** A running job: submitted when, at which step (0 New, 1 Starting, 2 Running), in which mode. */
    record Active(ObjectPath job, JobEngine.Spec spec, Instant submitted, int step, JobProgression mode,
            JobFailure failure) {
        Active next() {
            return new Active(job, spec, submitted, step + 1, mode, failure);
        }

        Active later(Duration by) {
            return new Active(job, spec, FinishedJobs.plus(submitted, by), step, mode, failure);
        }
    }

    /** The state saved: running jobs oldest first, and the finished ones. */
    record State(List<Active> running, FinishedJobs.State finished) {
    }

    /** The running jobs by InstanceID in upper case, oldest first. */
    final Map<String, Active> running = new LinkedHashMap<>();
    final FinishedJobs finished;

    HeldJobs(FinishedJobs finished) {
        this.finished = finished;
    }

    State state() {
        return new State(List.copyOf(running.values()), finished.state());
    }

    /** Replaces the running and finished jobs with those of {@code state}, each timer {@code later}. */
    void restore(State state, Duration later) {
        running.clear();
        state.running().forEach(a -> running.put(FinishedJobs.key(a.job()), a.later(later)));
        finished.restore(state.finished(), later);
    }

    /** Describes a stored job instance with what the engine knows of it. */
    Job describe(CimInstance instance) {
        String id = String.valueOf(instance.get("InstanceID"));
        String k = id.toUpperCase(Locale.ROOT);
        Active a = running.get(k);
        if (a != null) {
            return new Job(id, a.spec().method(), a.mode(), true, instance);
        }
        Finished f = finished.get(k);
        if (f != null) {
            return new Job(id, f.method(), f.mode(), false, instance);
        }
        boolean runs = instance.get("JobState") instanceof Long s && !JobStates.isFinished(s.intValue());
        return new Job(id, null, null, runs, instance);
    }
}
