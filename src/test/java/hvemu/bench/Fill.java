package hvemu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the emulator for {@code scripts/bench}: posts a CreateResourcePool envelope {@code count} times
 * over four keep-alive connections and prints how many calls answered 4096 and how long it took. Run:
 * {@code java -cp target/test-classes hvemu.bench.Fill <port> <envelope file> <count>}.
 */
public final class Fill {
    private Fill() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + args[0] + "/wsman");
        String body = Files.readString(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger started = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(threads.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/soap+xml;charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.body().contains("<p:ReturnValue>4096</p:ReturnValue>")) {
                        started.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        System.out.printf("%d %.0f%n", started.get(), (System.nanoTime() - t0) / 1e6);
    }
}
