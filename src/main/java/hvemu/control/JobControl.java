package hvemu.control;

import hvemu.cim.CimClass;
import hvemu.cim.CimMethod;
import hvemu.cim.schema.Schema;
import hvemu.job.Job;
import hvemu.job.JobEngine;
import hvemu.job.JobModes;
import hvemu.job.JobProgression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's jobs: the modes per method, the list, and stepping, completing or failing a job. Each
 * call first brings the jobs up to the clock, as a WS-Man request does. Thread-safe.
 */
final class JobControl {
    private static final String DEFAULT_FAILURE = "The job was failed through the admin API.";

    private final Schema schema;
    private final JobEngine jobs;

    JobControl(Schema schema, JobEngine jobs) {
        this.schema = schema;
        this.jobs = jobs;
    }

    void mode(String method, String mode) {
        String name = method(method);
        JobProgression progression;
        try {
            progression = JobProgression.parse(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
        jobs.modes().set(name, progression);
    }

    Map<String, String> modes() {
        Map<String, String> out = new LinkedHashMap<>();
        jobs.modes().all().forEach((method, mode) -> out.put(method, mode.text()));
        return out;
    }

    List<JobView> list() {
        jobs.catchUp();
        return jobs.jobs().stream().map(JobControl::view).toList();
    }

    JobView advance(String instanceId) {
        Job job = running(instanceId);
        if (!(job.mode() instanceof JobProgression.Stepped)) {
            throw AdminException.conflict("job " + instanceId + " runs in mode " + (job.mode() == null ? "none"
                    : job.mode().text()) + "; only a manual job is advanced (set the mode of its method to manual"
                    + " before the job starts)");
        }
        return after(instanceId, jobs.advance(instanceId));
    }

    int advanceAll() {
        jobs.catchUp();
        return jobs.advanceAll();
    }

    JobView complete(String instanceId) {
        running(instanceId);
        return after(instanceId, jobs.complete(instanceId));
    }

    JobView fail(String instanceId, int errorCode, String errorDescription) {
        if (errorCode < 1 || errorCode > 65535) {
            throw AdminException.badRequest("errorCode is the failed job's ErrorCode, 1 to 65535 (uint16; 0 means no"
                    + " error): " + errorCode);
        }
        running(instanceId);
        boolean none = errorDescription == null || errorDescription.isBlank();
        return after(instanceId, jobs.fail(instanceId, errorCode, none ? DEFAULT_FAILURE : errorDescription));
    }

    /** The job, which must exist (404) and be running (409). */
    private Job running(String instanceId) {
        jobs.catchUp();
        Job job = jobs.job(instanceId).orElseThrow(() -> AdminException.notFound("no job " + instanceId));
        if (!job.running()) {
            throw finished(instanceId, job.state());
        }
        return job;
    }

    /** The job's view once the engine acted; 409 when it did not (the job finished meanwhile). */
    private JobView after(String instanceId, boolean acted) {
        Job job = jobs.job(instanceId).orElseThrow(() -> AdminException.notFound("no job " + instanceId));
        if (!acted) {
            throw job.running() ? AdminException.conflict("job " + instanceId + " is not run by the engine")
                    : finished(instanceId, job.state());
        }
        return view(job);
    }

    private static AdminException finished(String instanceId, int state) {
        return AdminException.conflict("job " + instanceId + " has finished (JobState " + state + ")");
    }

    /** {@code *}, or the schema's spelling of a method some class of the namespace declares. */
    private String method(String method) {
        if (JobModes.DEFAULT.equals(method)) {
            return method;
        }
        if (method == null || !method.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw AdminException.badRequest("a job mode is set for a method name or *: \"" + method + "\"");
        }
        for (CimClass c : schema.classes()) {
            for (CimMethod m : c.methods()) {
                if (m.name().equalsIgnoreCase(method)) {
                    return m.name();
                }
            }
        }
        throw AdminException.notFound("no class of " + schema.namespace() + " has a method " + method);
    }

    static JobView view(Job job) {
        return new JobView(job.instanceId(), (int) number(job, "JobType"), job.method(), job.state(),
                (int) number(job, "PercentComplete"), job.mode() == null ? null : job.mode().text(),
                (int) number(job, "ErrorCode"), job.instance().get("ErrorDescription") instanceof String s ? s : null);
    }

    private static long number(Job job, String property) {
        return job.instance().get(property) instanceof Long n ? n : 0;
    }
}
