package hvemu.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The captured WS-Man messages in {@code ../shared/fixtures} (beside the checkout, in CI too), and the
 * golden files in {@code src/test/resources/golden}.
 */
public final class Fixtures {
    private static final Path SHARED = Path.of(System.getProperty("hvemu.fixtures", "../shared/fixtures"));

    private Fixtures() {
    }

    /** Returns a shared fixture's text, its leading source comment included. */
    public static String shared(String name) {
        return read(SHARED.resolve(name));
    }

    /** Returns a test resource's text. */
    public static String resource(String path) {
        try (var in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture missing: " + path.toAbsolutePath(), e);
        }
    }
}
