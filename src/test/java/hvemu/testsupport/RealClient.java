package hvemu.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a real WS-Man client (a script or program outside the JVM) against a running emulator and reads
 * the line it prints per operation.
 *
 * <p>The client is given the endpoint in its environment: {@code HVEMU_URL} ({@code http://127.0.0.1:PORT/wsman}),
 * {@code HVEMU_HOSTPORT} ({@code 127.0.0.1:PORT}), {@code HVEMU_USER} and {@code HVEMU_PASSWORD}. It prints one
 * line per operation it attempts, and may print anything else:
 *
 * <pre>
 * hvemu-client: &lt;operation&gt; ok [detail]
 * hvemu-client: &lt;operation&gt; fail &lt;what went wrong&gt;
 * hvemu-client: &lt;operation&gt; unsupported &lt;why this client cannot do it&gt;
 * </pre>
 *
 * <p>A client that is not installed skips its suite, unless {@code HVEMU_REAL_CLIENTS=required} (set by
 * {@code .ci/run} after installing them), where it fails.
 */
public final class RealClient {
    private static final Pattern FIELD = Pattern.compile("([\\w.-]+)=(?:\"([^\"]*)\"|(\\S*))");
    private static final Pattern LINE = Pattern.compile("^hvemu-client: (\\S+) (ok|fail|unsupported)\\b ?(.*)$");

    /** The outcome of one operation as the client reported it. */
    public record Outcome(String operation, String status, String detail) {
        /**
         * Returns the value the detail gives {@code key}, written {@code key=value}; a value runs to the next
         * {@code " name="} or to the end of the line, so it may hold spaces. Null when the detail has no such key.
         */
        /**
         * The detail's {@code key=value} pairs, a value either quoted ({@code "two words"}, quotes dropped)
         * or running to the next space.
         */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(detail);
            while (m.find()) {
                fields.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
            return fields;
        }

        public String value(String key) {
            Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + "=(.*?)(?=\\s[\\w.-]+=|$)").matcher(detail);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Everything one run of a client printed, with the outcomes it reported in order. */
    public record Run(int exitCode, String output, Map<String, Outcome> outcomes) {
        /** The reported outcome of {@code operation}; fails the test if the client did not report it. */
        public Outcome outcome(String operation) {
            Outcome outcome = outcomes.get(operation);
            if (outcome == null) {
                fail("the client reported no outcome for " + operation + "; it printed:\n" + output);
            }
            return outcome;
        }

        /** Asserts that every operation named was reported ok, and that no reported operation failed. */
        public Run assertOk(String... operations) {
            for (String operation : operations) {
                Outcome outcome = outcome(operation);
                assertEquals("ok", outcome.status(),
                        () -> operation + ": " + outcome.detail() + "\nthe client printed:\n" + output);
            }
            for (Outcome outcome : outcomes.values()) {
                assertTrue(!outcome.status().equals("fail"),
                        () -> outcome.operation() + " failed: " + outcome.detail() + "\nthe client printed:\n" + output);
            }
            assertEquals(0, exitCode, () -> "the client exited with " + exitCode + ":\n" + output);
            return this;
        }

        /** The detail the client printed with the ok line of {@code operation}. */
        public String detail(String operation) {
            return outcome(operation).detail();
        }

        /** The value of {@code key} in the detail of {@code operation} ({@link Outcome#value}); fails when absent. */
        public String value(String operation, String key) {
            String value = outcome(operation).value(key);
            if (value == null) {
                fail(operation + " reported no " + key + ": " + outcome(operation).detail() + "\nthe client printed:\n" + output);
            }
            return value;
        }
    }

    private RealClient() {
    }

    /** Skips the test when {@code command} is not on the PATH, or fails it when real clients are required. */
    public static void require(String command, String installHint) {
        if (onPath(command)) {
            return;
        }
        missing(command + " is not installed (" + installHint + ")");
    }

    /**
     * Skips the test unless {@code probe} runs and exits 0 (for a client that is a library, such as
     * {@code /usr/bin/python3 -c "import winrm"}), or fails it when real clients are required.
     */
    public static void requireRunnable(String installHint, String... probe) {
        boolean runs;
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            runs = finished && process.exitValue() == 0;
        } catch (IOException e) {
            runs = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (runs) {
            return;
        }
        missing(String.join(" ", probe) + " does not run (" + installHint + ")");
    }

    private static void missing(String message) {
        if ("required".equals(System.getenv("HVEMU_REAL_CLIENTS"))) {
            fail(message + ", and HVEMU_REAL_CLIENTS=required");
        }
        Assumptions.abort(message);
    }

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The directory of a client's files, {@code src/test/clients/<name>}. */
    public static Path directory(String name) {
        return Path.of("src", "test", "clients", name).toAbsolutePath();
    }

    /**
     * Runs {@code command} in {@code workingDirectory} against {@code endpoint}, with {@code user} and
     * {@code password} (either may be null), waiting at most {@code timeoutSeconds}.
     */
    public static Run run(URI endpoint, String user, String password, Path workingDirectory, long timeoutSeconds,
            Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HVEMU_URL", endpoint.toString());
        env.put("HVEMU_HOSTPORT", endpoint.getHost() + ":" + endpoint.getPort());
        env.put("HVEMU_USER", user == null ? "" : user);
        env.put("HVEMU_PASSWORD", password == null ? "" : password);
        env.putAll(environment);
        try {
            Path log = Files.createTempFile("hvemu-client", ".log");
            try {
                builder.redirectOutput(log.toFile());
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                Map<String, Outcome> outcomes = outcomes(output);
                // The build log shows each client's line per operation, whatever the assertions then make of it.
                String client = workingDirectory.getFileName().toString();
                outcomes.values().forEach(o -> System.out.println("hvemu-client[" + client + "]: " + o.operation()
                        + " " + o.status() + (o.detail().isEmpty() ? "" : " " + o.detail())));
                return new Run(process.exitValue(), output, outcomes);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Outcome> outcomes(String output) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Outcome previous = outcomes.put(m.group(1), new Outcome(m.group(1), m.group(2), m.group(3)));
                if (previous != null) {
                    repeated.add(m.group(1));
                }
            }
        }
        assertTrue(repeated.isEmpty(), () -> "operations reported more than once: " + repeated + "\n" + output);
        return outcomes;
    }
}
