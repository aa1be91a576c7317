package hvemu;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden request/response pairs under {@code src/test/resources/golden/<operation>/<case>}: each request
 * is posted over HTTP and the reply must mean what the response file means (XMLUnit, by namespace;
 * {@code ${xmlunit.*}} placeholders mark volatile values). Each file says where it came from.
 *
 * <p>Requests go with the test credentials, except cases named {@code unauthenticated*}, which go with
 * {@code WSMANIDENTIFY: unauthenticated} and none. A response holding a fault is expected with HTTP 500.
 */
class GoldenIT {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.secured();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".request.xml"))
                    .map(p -> p.substring(0, p.length() - ".request.xml".length()))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void repliesAsTheGoldenFileSays(String name) throws IOException {
        String request = Files.readString(ROOT.resolve(name + ".request.xml"));
        String expected = Files.readString(ROOT.resolve(name + ".response.xml"));
        WsmanClient client = name.substring(name.lastIndexOf('/') + 1).startsWith("unauthenticated")
                ? emulator.client().header("WSMANIDENTIFY", "unauthenticated")
                : emulator.authenticated();

        HttpExchange reply = client.post(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(expected.contains("Fault>") ? 500 : 200);
        Xml.assertSimilar(expected, reply.body());
    }
}
