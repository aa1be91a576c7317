package hvemu.job;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How jobs move from New to their end (moto's managed state model): at once, over a fixed duration,
 * or one step each time the caller says so.
 *
 * <p>Every job passes the same steps: New (2) at submission, Starting (3), Running (4) at 50%, then
 * Completed (7) at 100%. A timed job takes one third of its duration per step. {@link #text()} writes a
 * progression as {@link #parse} reads it: {@code immediate}, {@code manual} (stepped), or a duration.
 */
public sealed interface JobProgression {
    /** The longest duration a timed job may take. */
    Duration LONGEST = Duration.ofDays(1);

    /** Returns the progression as {@link #parse} reads it: {@code immediate}, {@code manual}, {@code 2s}, ... */
    String text();

    /** Jobs reach their end within the call that submits them. */
    record Immediate() implements JobProgression {
        @Override
        public String text() {
            return "immediate";
        }
    }

    /** Jobs reach their end {@code duration} after submission (at most {@link #LONGEST}). */
    record Timed(Duration duration) implements JobProgression {
        public Timed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a job duration is positive: " + duration);
            }
            if (duration.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("a job duration is at most 1 day (24h): " + duration);
            }
        }

        @Override
        public String text() {
            long ms = duration.toMillis();
            return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        }
    }

    /** Jobs move one step each time {@link JobEngine#advance} is called (the admin API's {@code manual}). */
    record Stepped() implements JobProgression {
        @Override
        public String text() {
            return "manual";
        }
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
     * Parses {@code immediate}, {@code manual} (or {@code stepped}), or a duration such as {@code 2s},
     * {@code 500ms}, {@code 1m} (timed, at most a day).
     *
     * @throws IllegalArgumentException when the text is none of these; the message says what is accepted
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
        throw new IllegalArgumentException("a job mode is immediate, manual (or stepped), or a duration such as 2s, "
                + "500ms or 1m: " + text);
    }
}
