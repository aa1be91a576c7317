package hvemu.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that moves only when told: {@link #advance} moves it forward, and {@link #sleep} advances it
 * by the time asked instead of waiting. Thread-safe.
 */
public final class ManualClock implements Clock {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        now = now.plus(duration);
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }
}
