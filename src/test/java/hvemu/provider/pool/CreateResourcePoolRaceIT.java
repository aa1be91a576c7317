package hvemu.provider.pool;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Validation and reservation are one atomic step: of 32 racing calls on one device, exactly one wins. */
class CreateResourcePoolRaceIT {
    private static final int THREADS = 32;

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    @Test
    void oneCallWinsTheDeviceAndTheRestAreInUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String request = Pools.create("Race" + i, "4", Pools.memory(2, 1));
            calls.add(pool.submit(() -> {
                go.await();
                return Pools.returnValue(emulator.client().post(request));
            }));
        }
        go.countDown();
        Map<Long, Integer> codes = new TreeMap<>();
        for (Future<Long> call : calls) {
            codes.merge(call.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(4096L, 1, 6L, THREADS - 1));
        assertThat(emulator.emulator().jobs().activeJobs()).hasSize(1);
    }
}
