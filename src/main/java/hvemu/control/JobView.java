package hvemu.control;

/**
 * A job as the admin API shows it.
 *
 * @param instanceId the job's InstanceID, as its EPR's selector carries it
 * @param jobType the job's JobType (the method it runs; docs/semantics.md)
 * @param method the name of the method that started it
 * @param jobState the JobState (2 New, 3 Starting, 4 Running, 7 Completed, 8 Terminated, 9 Killed, 10 Exception)
 * @param percentComplete the PercentComplete
 * @param mode how it progresses: immediate, a duration, or manual
 * @param errorCode the ErrorCode of a job that ended in Exception, else 0
 * @param errorDescription its ErrorDescription, or null
 */
public record JobView(String instanceId, int jobType, String method, int jobState, int percentComplete, String mode,
        int errorCode, String errorDescription) {
}
