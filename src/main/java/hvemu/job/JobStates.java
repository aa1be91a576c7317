package hvemu.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status properties a job has in each JobState, in one table, so that OperationalStatus,
 * HealthState, JobStatus and Cancellable always agree with the state (model.md §5.4).
 *
 * <p>OperationalStatus is {2 OK} while the job runs; a finished job adds 17 Completed to OK (it
 * completed), Stopped 10 (terminated: an orderly stop), Aborted 12 (killed: an abrupt one) or Error 6
 * (it failed), as CIM_ManagedSystemElement describes them. Only a failed job is unhealthy (HealthState
 * 20 Major Failure). A finished job cannot be cancelled.
 */
final class JobStates {
    private JobStates() {
    }

    /** Returns the status properties of a job entering {@code state}; Cancellable only for finished states. */
    static Map<String, Object> of(int state) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("JobState", (long) state);
        switch (state) {
            case JobEngine.NEW -> status(v, "Job is new", List.of(2L), 5);
            case JobEngine.STARTING -> status(v, "Job is starting", List.of(2L), 5);
            case JobEngine.RUNNING -> status(v, "Job is running", List.of(2L), 5);
            case JobEngine.COMPLETED -> status(v, "Job completed successfully", List.of(2L, 17L), 5);
            case JobEngine.TERMINATED -> status(v, "Job was terminated", List.of(10L, 17L), 5);
            case JobEngine.KILLED -> status(v, "Job was killed", List.of(12L, 17L), 5);
            case JobEngine.EXCEPTION -> status(v, "Job failed", List.of(6L, 17L), 20);
            default -> throw new IllegalArgumentException("hvemu's jobs never enter JobState " + state);
        }
        if (isFinished(state)) {
            v.put("Cancellable", Boolean.FALSE);
        }
        return v;
    }

    /** Returns true for Completed, Terminated, Killed and Exception. */
    static boolean isFinished(int state) {
        return state == JobEngine.COMPLETED || state == JobEngine.TERMINATED || state == JobEngine.KILLED
                || state == JobEngine.EXCEPTION;
    }

    private static void status(Map<String, Object> v, String text, List<Long> operational, long health) {
        v.put("JobStatus", text);
        v.put("OperationalStatus", operational);
        v.put("HealthState", health);
    }
}
