package hvemu.job;

import java.util.Objects;

/**
 * How a job is to fail, as a fault rule asks: it ends in Exception (10) with this error at the first step
 * at which its PercentComplete would reach {@code atPercent} (0 fails it at its first step, 100 instead of
 * completing), and its PercentComplete then reads {@code atPercent}.
 *
 * @param errorCode the job's ErrorCode (uint16)
 * @param errorDescription the job's ErrorDescription and ErrorSummaryDescription
 * @param atPercent 0 to 100
 */
public record JobFailure(int errorCode, String errorDescription, int atPercent) {
    public JobFailure {
        Objects.requireNonNull(errorDescription, "errorDescription");
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("ErrorCode is a uint16: " + errorCode);
        }
        if (atPercent < 0 || atPercent > 100) {
            throw new IllegalArgumentException("a percentage is 0 to 100: " + atPercent);
        }
    }
}
