package hvemu.junit;

import hvemu.Emulator;
import hvemu.control.AdminException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that runs an {@link Emulator} on a free loopback port for the tests of a class.
 *
 * <p>Declarative: {@link HvemuTest} on the class registers it, with the annotation's settings. Programmatic:
 * <pre>
 * &#64;RegisterExtension
 * static HvemuExtension hvemu = HvemuExtension.builder().credentials("admin", "Pa55w.rd").jobs("immediate").build();
 * </pre>
 * In a static field (or with {@code @TestInstance(PER_CLASS)}) one emulator serves the class and its
 * {@code @Nested} classes, and is reset before each test unless told otherwise; in an instance field each test
 * gets a fresh one, so there is nothing to reset. A {@link HvemuRuntimeInfo} parameter is resolved for test
 * methods, lifecycle methods and (class-wide emulators only) constructors; {@link #runtimeInfo()} gives the same
 * to code holding the field. One instance serves one test class at a time.
 */
public final class HvemuExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final Settings configured;
    private Settings settings;
    private HvemuRuntimeInfo info;
    private Path dataDir;
    private String startedBy;
    private boolean perTest;

    /**
     * Returns an extension configured by the {@link HvemuTest} annotation of the test class (or an enclosing
     * class); JUnit calls this for {@code @HvemuTest}. With no annotation, the defaults of {@link HvemuTest}.
     */
    public HvemuExtension() {
        this(null);
    }

    private HvemuExtension(Settings configured) {
        this.configured = configured;
    }

    /** Returns a builder for the programmatic form, with {@link HvemuTest}'s defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the running emulator's URLs, credentials and control plane.
     *
     * @throws IllegalStateException when no emulator runs (before the class's first test, after its last)
     */
    public HvemuRuntimeInfo runtimeInfo() {
        if (info == null) {
            throw new IllegalStateException("no emulator is running: it starts before the test class's first test");
        }
        return info;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (info == null) {
            start(context);
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest && context.getUniqueId().equals(startedBy)) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (info == null) {
            perTest = true;
            start(context);
        } else if (!perTest && settings.resetBeforeEach()) {
            try {
                info.admin().reset();
            } catch (AdminException e) {
                throw new IllegalStateException("hvemu: the reset before " + context.getDisplayName() + " failed ("
                        + e.getMessage() + "); resetBeforeEach = false turns it off", e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HvemuRuntimeInfo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (info == null) {
            throw new ParameterResolutionException("no emulator is running for " + parameter.getDeclaringExecutable()
                    + ": an extension in an instance field starts one per test, after the constructor");
        }
        return info;
    }

    private void start(ExtensionContext context) {
        settings = configured != null ? configured : annotation(context.getRequiredTestClass())
                .map(Settings::of).orElse(Settings.DEFAULTS);
        try {
            dataDir = settings.https() ? Files.createTempDirectory("hvemu-junit") : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the HTTPS certificate", e);
        }
        Emulator emulator;
        try {
            emulator = settings.builder(context.getRequiredTestClass().getClassLoader(), dataDir).build().start();
        } catch (RuntimeException e) {
            deleteDataDir();
            throw e;
        }
        info = new HvemuRuntimeInfo(emulator, settings.user(), settings.password(),
                dataDir == null ? null : dataDir.resolve("https.crt"));
    }

    private void stop() {
        try {
            info.emulator().close();
        } finally {
            info = null;
            deleteDataDir();
        }
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind harms no test
        }
        dataDir = null;
    }

    private static Optional<HvemuTest> annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<HvemuTest> found = AnnotationSupport.findAnnotation(c, HvemuTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Configures a programmatic {@link HvemuExtension}; every setting defaults as in {@link HvemuTest}. */
    public static final class Builder {
        private Path topology;
        private String user;
        private String password;
        private String jobs;
        private String scenario;
        private boolean resetBeforeEach = true;
        private boolean https;
        private UnaryOperator<Emulator.Builder> configure = UnaryOperator.identity();

        private Builder() {
        }

        /** Requires HTTP Basic credentials on every request but the unauthenticated Identify. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Serves the instances of this MOF file instead of the built-in two-node cluster. */
        public Builder topology(Path topology) {
            this.topology = topology;
            return this;
        }

        /** Sets how jobs progress: {@code immediate}, {@code manual}, or a duration such as {@code 2s}. */
        public Builder jobs(String mode) {
            this.jobs = mode;
            return this;
        }

        /** Starts with this scenario file (job modes and fault rules, re-applied by every reset). */
        public Builder scenario(Path file) {
            return scenario(file.toString());
        }

        /** Starts with this scenario: a file path, or {@code classpath:NAME} for a resource of the test's class path. */
        public Builder scenario(String location) {
            this.scenario = location;
            return this;
        }

        /** Whether a class-wide emulator is reset before each test; true by default. */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /** Whether the emulator serves HTTPS too, with a self-signed certificate made for it; false by default. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * Applies {@code configure} to the emulator's builder last, for any other setting
         * (e.g. {@code b -> b.productVersion("OS: 10.0.17763 SP: 0.0 Stack: 3.0")}).
         */
        public Builder configure(UnaryOperator<Emulator.Builder> configure) {
            this.configure = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /** Returns the extension, to be put in a {@code @RegisterExtension} field. */
        public HvemuExtension build() {
            return new HvemuExtension(new Settings(topology, user, password, jobs, scenario, resetBeforeEach, https,
                    configure));
        }
    }
}
