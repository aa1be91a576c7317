package hvemu.job;

import java.time.Duration;
import java.time.Instant;

/**
 * A time source; the emulator reads time only through one, so tests and harnesses can control it
 * (after Guava's Ticker).
 */
public interface Clock {
    /** Returns the current instant. */
    Instant now();

    /** Waits for {@code duration} of this clock's time. */
    void sleep(Duration duration) throws InterruptedException;

    /** The system clock. */
    static Clock system() {
        return new Clock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(Math.max(0, duration.toMillis()));
            }
        };
    }
}
