package hvemu.provider.job;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import hvemu.job.JobEngine;
import hvemu.provider.StoredFamilyProvider;
import hvemu.provider.StoredInstanceProvider;
import java.util.Map;

/**
 * The instances of Msvm_ConcreteJob, as the job engine keeps them in the repository. A client may set a
 * job's writable properties (TimeBeforeRemoval, an interval; DeleteOnCompletion; ElementName; the
 * scheduling properties of CIM_Job), which the engine reads when it decides the job's removal, and may
 * delete a job that has finished (JobState 7 to 10) with its links; a job still running cannot be deleted.
 */
public final class JobInstanceProvider extends StoredFamilyProvider {
    private final JobEngine jobs;

    public JobInstanceProvider(StoredInstanceProvider stored, JobEngine jobs) {
        super(stored);
        this.jobs = jobs;
    }

    @Override
    public CimInstance modify(ObjectPath path, Map<String, Object> values) {
        return stored.modify(path, values, (current, changes) -> {
            Object wait = changes.get("TimeBeforeRemoval");
            if (wait instanceof CimDateTime d && !d.isInterval()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "TimeBeforeRemoval is an interval, such as "
                        + "P0DT0H5M0S, not a point in time: " + d.toXml() + ".");
            }
        });
    }

    @Override
    public void delete(ObjectPath path) {
        CimInstance job = stored.get(path).orElseThrow(() -> CimException.notFound(path));
        String id = String.valueOf(job.get("InstanceID"));
        if (jobs.remove(id)) {
            return;
        }
        CimInstance now = stored.get(path).orElseThrow(() -> CimException.notFound(path));
        throw new CimException(CimStatus.ACCESS_DENIED, "The job " + id + " has not finished (JobState "
                + now.get("JobState") + "); only a finished job (JobState 7 Completed, 8 Terminated, 9 Killed or"
                + " 10 Exception) can be deleted.");
    }
}
