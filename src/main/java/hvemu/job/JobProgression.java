package hvemu.job;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How jobs move from New to their end (moto's managed state model): at once, over a fixed duration,
 * or one step each time the caller says so.
 *
 * <p>Every job passes the same steps: New (2) at submission, Starting (3), Running (4) at 50%, then
 * Completed (7) at 100%. A timed job takes one third of its duration per step.
 */
public sealed interface JobProgression {
    /** Jobs reach their end within the call that submits them. */
    record Immediate() implements JobProgression {
    }

    /** Jobs reach their end {@code duration} after submission. */
    record Timed(Duration duration) implements JobProgression {
        public Timed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a job duration is positive: " + duration);
            }
        }
    }

    /** Jobs move one step each time {@link JobEngine#advance} is called. */
    record Stepped() implements JobProgression {
    }

    static JobProgression immediate() {
        return new Immediate();
    }

    static JobProgression timed(Duration duration) {
        return new Timed(duration);
    }

    static JobProgression stepped() {
        return new Stepped();
    }

    /**
     * Parses {@code immediate}, {@code stepped}, or a duration such as {@code 2s}, {@code 500ms},
     * {@code 1m} (timed).
     */
    static JobProgression parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("immediate")) {
            return immediate();
        }
        if (t.equals("stepped") || t.equals("manual")) {
            return stepped();
        }
        try {
            if (t.endsWith("ms")) {
                return timed(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            if (t.endsWith("s")) {
                return timed(Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)));
            }
            if (t.endsWith("m")) {
                return timed(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))));
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("job progression is immediate, stepped, or a duration such as 2s: " + text);
    }
}
