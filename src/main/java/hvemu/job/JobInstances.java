package hvemu.job;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.repository.InstanceRepository.Changes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the engine writes a job's instance and its links: the values of each step and ending, ElapsedTime,
 * link paths. The statuses that go with each JobState are {@link JobStates}'.
 */
final class JobInstances {
    private JobInstances() {
    }

    /** The values of a new job (New, 0%) of {@code spec}, submitted {@code now}. */
    static Map<String, Object> submitted(JobEngine.Spec spec, String id, Instant now) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("InstanceID", id);
        job.put("Name", spec.name());
        job.put("ElementName", spec.name());
        job.put("Caption", spec.name());
        job.put("Description", spec.name());
        job.put("JobType", (long) spec.jobType());
        job.putAll(JobStates.of(JobEngine.NEW));
        job.put("PercentComplete", 0L);
        job.put("TimeSubmitted", CimDateTime.of(now));
        job.put("TimeOfLastStateChange", CimDateTime.of(now));
        job.put("TimeBeforeRemoval", CimDateTime.interval(FinishedJobs.DEFAULT_TIME_BEFORE_REMOVAL));
        job.put("DeleteOnCompletion", Boolean.FALSE);
        job.put("Cancellable", spec.cancellable());
        job.put("Owner", String.valueOf(spec.owner().key("Name")));
        job.put("LocalOrUtcTime", 2L);
        return job;
    }

    /**
     * The values of a job entering step {@code step}: 1 Starting (0%, StartTime), 2 Running (50%),
     * 3 Completed (100%, ErrorCode 0).
     */
    static Map<String, Object> step(int step, Instant at) {
        Map<String, Object> values = new LinkedHashMap<>(JobStates.of(step == 1 ? JobEngine.STARTING
                : step == 2 ? JobEngine.RUNNING : JobEngine.COMPLETED));
        values.put("PercentComplete", step == 1 ? 0L : step == 2 ? 50L : 100L);
        if (step == 1) {
            values.put("StartTime", CimDateTime.of(at));
            values.put("ElapsedTime", CimDateTime.interval(Duration.ZERO));
        }
        if (step > 2) {
            values.put("ErrorCode", 0L);
        }
        return values;
    }

    /** The values of a job ending in Exception (10) with the given error. */
    static Map<String, Object> failure(int errorCode, String description) {
        Map<String, Object> values = new LinkedHashMap<>(JobStates.of(JobEngine.EXCEPTION));
        values.put("ErrorCode", (long) errorCode);
        values.put("ErrorDescription", description);
        values.put("ErrorSummaryDescription", description);
        return values;
    }

    /** The values of a job stopped at a client's request: Terminated (8) or Killed (9). */
    static Map<String, Object> stopped(int state) {
        Map<String, Object> values = new LinkedHashMap<>(JobStates.of(state));
        String verb = state == JobEngine.KILLED ? "killed" : "terminated";
        values.put("ErrorDescription", "The job was " + verb + " at a client's request before it completed.");
        values.put("ErrorSummaryDescription", "Job " + verb);
        return values;
    }

    /** Brings a started job's ElapsedTime up to {@code now}. */
    static void refresh(Changes changes, ObjectPath job, Instant now) {
        changes.get(job).filter(j -> j.get("StartTime") instanceof CimDateTime)
                .ifPresent(j -> changes.put(j.with("ElapsedTime", elapsed(j, now))));
    }

    /** Writes {@code values} (and TimeOfLastStateChange, ElapsedTime) into the job; returns the job as written. */
    static CimInstance update(Changes changes, ObjectPath job, Instant at, Map<String, Object> values) {
        CimInstance current = changes.get(job).orElseThrow(() -> new IllegalStateException("job " + job + " is gone"));
        CimInstance next = current.with(values).with("TimeOfLastStateChange", CimDateTime.of(at));
        if (next.get("StartTime") instanceof CimDateTime) {
            next = next.with("ElapsedTime", elapsed(next, at));
        }
        changes.put(next);
        return next;
    }

    /** The time since the job's StartTime, none when {@code now} is before it. */
    static CimDateTime elapsed(CimInstance job, Instant now) {
        Instant start = ((CimDateTime) job.get("StartTime")).timestamp().toInstant();
        return CimDateTime.interval(now.isBefore(start) ? Duration.ZERO : Duration.between(start, now));
    }

    /** An {@code Msvm_AffectedJobElement} from the job to the element, with one ElementEffects value. */
    static CimInstance affected(ObjectPath element, ObjectPath job, long effect) {
        return CimInstance.of(JobEngine.AFFECTED, Map.of("AffectedElement", element, "AffectingElement", job,
                "ElementEffects", List.of(effect)));
    }

    /** The path of an association instance whose two keys refer to {@code a} and {@code b}. */
    static ObjectPath link(String namespace, String association, String first, ObjectPath a, String second,
            ObjectPath b) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(first, a);
        keys.put(second, b);
        return ObjectPath.of(namespace, association, keys);
    }
}
