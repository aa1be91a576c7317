package hvemu.provider.job;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.job.JobEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Msvm_Error} a job reports through GetError and GetErrorEx: one for a job that failed
 * (Exception) or was stopped by a client (Terminated, Killed), whose OperationalStatus is not OK;
 * none for a job that is running or completed (model.md §2.2).
 *
 * <p>The messages are hvemu's own (OwningEntity {@code hvemu}); Message repeats the job's
 * ErrorDescription, ErrorSource is the job's object path.
 */
final class JobErrors {
    static final String OWNING_ENTITY = "hvemu";
    static final String FAILED = "HVEMU0001";
    static final String TERMINATED = "HVEMU0002";
    static final String KILLED = "HVEMU0003";

    private JobErrors() {
    }

    /** Returns the error of the job, or empty when it has none. */
    static Optional<CimInstance> of(CimInstance job, ObjectPath path) {
        long state = job.get("JobState") instanceof Long l ? l : 0;
        Map<String, Object> e = new LinkedHashMap<>();
        if (state == JobEngine.EXCEPTION) {
            e.put("MessageID", FAILED);
            e.put("ErrorType", 4L); // Software Error
            e.put("PerceivedSeverity", 5L); // Major
            e.put("ProbableCause", 0L); // Unknown
            e.put("ProbableCauseDescription", text(job, "ErrorSummaryDescription", "The job failed."));
            if (job.get("ErrorCode") instanceof Long code) {
                e.put("MessageArguments", List.of(Long.toString(code)));
            }
        } else if (state == JobEngine.TERMINATED || state == JobEngine.KILLED) {
            e.put("MessageID", state == JobEngine.KILLED ? KILLED : TERMINATED);
            e.put("ErrorType", 1L); // Other
            e.put("OtherErrorType", state == JobEngine.KILLED ? "Job killed" : "Job terminated");
            e.put("PerceivedSeverity", 2L); // Information
            e.put("ProbableCause", 1L); // Other
            e.put("ProbableCauseDescription", "A client asked the job to stop.");
        } else {
            return Optional.empty();
        }
        e.put("OwningEntity", OWNING_ENTITY);
        e.put("Message", text(job, "ErrorDescription", "The job did not complete."));
        e.put("ErrorSource", path.namespace() + ":" + JobEngine.JOB_CLASS + ".InstanceID=\""
                + path.key("InstanceID") + "\"");
        e.put("ErrorSourceFormat", 2L); // CIMObjectPath
        e.put("CIMStatusCode", 1L);
        e.put("CIMStatusCodeDescription", "CIM_ERR_FAILED");
        return Optional.of(CimInstance.of("Msvm_Error", e));
    }

    private static String text(CimInstance job, String property, String otherwise) {
        return job.get(property) instanceof String s && !s.isBlank() ? s : otherwise;
    }
}
