package hvemu.bench;

import hvemu.testsupport.NegotiateConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Negotiate rows of {@code scripts/bench}, which wrk cannot drive: each of {@code connections} threads opens
 * one keep-alive connection, runs the NTLM handshake once, then posts one envelope for {@code seconds} (after as
 * long a warm-up), sealed (MS-WSMV §2.2.9.1) or as plain text on the same authenticated connection. Prints
 * {@code req/s p50-ms p99-ms}. Run: {@code java -cp target/test-classes:target/hvemu.jar hvemu.bench.NegotiateGets
 * <port> <user> <password> <envelope file> sealed|plain <seconds> <connections>}.
 */
public final class NegotiateGets {
    private NegotiateGets() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + args[0] + "/wsman");
        String user = args[1];
        String password = args[2];
        String envelope = Files.readString(Path.of(args[3]));
        boolean sealed = args[4].equals("sealed");
        long seconds = Long.parseLong(args[5]);
        int connections = Integer.parseInt(args[6]);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            results.add(threads.submit(() -> drive(endpoint, user, password, envelope, sealed, seconds)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                latencies.add(nanos);
            }
        }
        threads.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%.0f %.3f %.3f%n", sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    /** One connection: the handshake, a warm-up, then the measured requests' latencies in nanoseconds. */
    private static long[] drive(URI endpoint, String user, String password, String envelope, boolean sealed, long seconds) {
        try (NegotiateConnection c = NegotiateConnection.open(endpoint)) {
            int slash = user.indexOf('\\');
            NegotiateConnection.Response done = c.authenticate(user.substring(slash + 1),
                    slash < 0 ? "" : user.substring(0, slash), password, false, null);
            if (done.status() != 200) {
                throw new IllegalStateException("the handshake answered " + done.status());
            }
            byte[] plain = envelope.getBytes(StandardCharsets.UTF_8);
            long warmUpEnd = System.nanoTime() + seconds * 1_000_000_000L;
            long end = warmUpEnd + seconds * 1_000_000_000L;
            long[] latencies = new long[1 << 16];
            int n = 0;
            for (long now = System.nanoTime(); now < end; ) {
                NegotiateConnection.Response reply = sealed ? c.postSealed(envelope)
                        : c.post(plain, "application/soap+xml;charset=UTF-8");
                if (reply.status() != 200 && reply.status() != 500) {
                    throw new IllegalStateException("a request answered " + reply.status());
                }
                long after = System.nanoTime();
                if (now >= warmUpEnd) {
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = after - now;
                }
                now = after;
            }
            return Arrays.copyOf(latencies, n);
        }
    }
}
