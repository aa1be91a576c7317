package hvemu.provider.pool;

import hvemu.cim.ObjectPath;
import hvemu.job.JobEngine;
import java.util.List;

/**
 * What a service method decided once its parameters were checked: either a return code that refuses
 * the call, or the work to do (now in synchronous mode, as a job in asynchronous mode), the elements
 * that work holds while it runs, and the pool it makes, if any.
 *
 * @param code the return code of a refusal, or {@link #OK} for work to do
 * @param jobName the name of the job that does the work
 * @param held the elements the job holds for exclusive use while it runs
 * @param work the work, run in the update that completes the job
 * @param pool the pool the work makes, returned in the Pool OUT parameter
 */
record Plan(long code, String jobName, List<ObjectPath> held, JobEngine.Outcome work, ObjectPath pool) {
    static final long OK = 0;
    static final long NOT_SUPPORTED = 1;
    static final long UNKNOWN = 2;
    static final long TIMEOUT = 3;
    static final long FAILED = 4;
    static final long INVALID_PARAMETER = 5;
    static final long IN_USE = 6;
    static final long INCORRECT_RESOURCE_TYPE = 7;
    static final long INSUFFICIENT_RESOURCES = 8;
    static final long JOB_STARTED = 4096;
    static final long SIZE_NOT_SUPPORTED = 4097;

    Plan {
        held = List.copyOf(held);
    }

    static Plan refuse(long code) {
        return new Plan(code, null, List.of(), null, null);
    }

    static Plan work(String jobName, List<ObjectPath> held, JobEngine.Outcome work, ObjectPath pool) {
        return new Plan(OK, jobName, held, work, pool);
    }

    boolean refused() {
        return work == null;
    }

    /** Thrown inside a check to refuse the call with a return code. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long code;

        Refusal(long code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** Refuses the call with {@code code} unless {@code condition} holds. */
    static void require(boolean condition, long code) {
        if (!condition) {
            throw new Refusal(code);
        }
    }
}
