package hvemu.operations;

import java.util.Objects;

/**
 * What an Invoke does instead of its method's normal outcome, as a fault-injection rule asks: answer a
 * given ReturnValue without running the method, or run it and have the job it starts fail.
 */
public sealed interface MethodOverride permits MethodOverride.ReturnCode, MethodOverride.FailedJob {
    /**
     * The method is not run: it answers this ReturnValue with no OUT parameters, and changes nothing.
     *
     * @param value the ReturnValue (uint32)
     */
    record ReturnCode(long value) implements MethodOverride {
    }

    /**
     * The method runs as usual; a job it starts ends in Exception (10) with this error at the first step at
     * which its PercentComplete would reach {@code atPercent}, leaving nothing made.
     */
    record FailedJob(int errorCode, String errorDescription, int atPercent) implements MethodOverride {
        public FailedJob {
            Objects.requireNonNull(errorDescription, "errorDescription");
        }
    }
}
