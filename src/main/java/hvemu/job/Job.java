package hvemu.job;

import hvemu.cim.CimInstance;

/**
 * A job the engine holds, as {@link JobEngine#jobs()} reports it: its instance as stored now, and what the
 * instance does not say.
 *
 * @param instanceId its InstanceID
 * @param method the name of the method that started it, or null when its {@link JobEngine.Spec} named none
 *     (or the engine does not know the job: an instance the topology brought)
 * @param mode the mode it started in and keeps to its end, or null when the engine does not know it
 * @param running true while it has not finished (New, Starting, Running)
 * @param instance its {@code Msvm_ConcreteJob} instance
 */
public record Job(String instanceId, String method, JobProgression mode, boolean running, CimInstance instance) {
    /** Returns the instance's JobState, or 0 when it has none. */
    public int state() {
        return instance.get("JobState") instanceof Long s ? s.intValue() : 0;
    }
}
