package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gate between requests and whole-model changes: a change waits for the request in flight, and a
 * request that comes meanwhile waits for the change. Ordered by latches and thread states, not by time.
 */
class RequestGateTest {
    private final RequestGate gate = new RequestGate();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private Thread request(String name, CountDownLatch started, CountDownLatch release) {
        Operation operation = gate.guard(r -> {
            events.add(name + " starts");
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add(name + " ends");
            return null;
        });
        Thread t = new Thread(() -> {
            try {
                operation.execute(null);
            } catch (OperationException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    /** Waits until {@code t} parks (on the gate), with the test's timeout as the bound. */
    private static void awaitParked(Thread t) {
        while (t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aChangeWaitsForTheRequestInFlightAndTheNextRequestWaitsForTheChange() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Thread first = request("first", firstStarted, releaseFirst);
        firstStarted.await();
        Thread change = new Thread(() -> gate.exclusive(() -> events.add("change")));
        change.start();
        awaitParked(change);
        Thread second = request("second", new CountDownLatch(1), new CountDownLatch(0));
        awaitParked(second);
        assertThat(events).containsExactly("first starts");

        releaseFirst.countDown();
        for (Thread t : List.of(first, change, second)) {
            t.join();
        }

        assertThat(events).containsExactly("first starts", "first ends", "change", "second starts", "second ends");
    }

    @Test
    void requestsRunTogether() throws Exception {
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread a = request("a", bothIn, release);
        Thread b = request("b", bothIn, release);
        assertThat(bothIn.await(30, TimeUnit.SECONDS)).as("both inside the gate at once").isTrue();
        release.countDown();
        a.join();
        b.join();
        assertThat(gate.exclusive(() -> "after")).isEqualTo("after");
    }
}
