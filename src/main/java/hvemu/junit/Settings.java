package hvemu.junit;

import hvemu.Emulator;
import hvemu.control.Scenario;
import hvemu.control.ScenarioException;
import hvemu.job.JobProgression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How an {@link HvemuExtension} configures its emulator, from {@link HvemuTest} or from its builder; null
 * leaves a setting at the emulator's default.
 */
record Settings(Path topology, String user, String password, String jobs, String scenario, boolean resetBeforeEach,
        boolean https, UnaryOperator<Emulator.Builder> configure) {
    /** The settings of an {@link HvemuExtension} given none. */
    static final Settings DEFAULTS = new Settings(null, null, null, null, null, true, false, UnaryOperator.identity());

    private static final String CLASSPATH = "classpath:";

    static Settings of(HvemuTest test) {
        return new Settings(test.topology().isEmpty() ? null : Path.of(test.topology()), blankToNull(test.user()),
                blankToNull(test.password()), blankToNull(test.jobs()), blankToNull(test.scenario()),
                test.resetBeforeEach(), test.https(), UnaryOperator.identity());
    }

    /**
     * Returns an emulator builder on a free loopback port with these settings, HTTPS keeping its certificate in
     * {@code dataDir}, and a {@code classpath:} scenario read through {@code loader}.
     *
     * @throws ExtensionConfigurationException when the credentials are half given
     * @throws IllegalArgumentException when the job mode is not one, or the scenario cannot be read
     */
    Emulator.Builder builder(ClassLoader loader, Path dataDir) {
        if ((user == null) != (password == null)) {
            throw new ExtensionConfigurationException("hvemu: user and password go together (user "
                    + (user == null ? "missing" : "\"" + user + "\"") + ", password " + (password == null ? "missing" : "given") + ")");
        }
        Emulator.Builder builder = Emulator.builder().port(0).credentials(user, password).topology(topology);
        if (jobs != null) {
            builder.jobs(JobProgression.parse(jobs));
        }
        if (scenario != null && scenario.startsWith(CLASSPATH)) {
            builder.scenario(resource(loader, scenario.substring(CLASSPATH.length())));
        } else if (scenario != null) {
            builder.scenario(Path.of(scenario));
        }
        if (https) {
            builder.httpsPort(0).dataDir(dataDir);
        }
        return configure.apply(builder);
    }

    private static Scenario resource(ClassLoader loader, String name) {
        String source = CLASSPATH + name;
        try (InputStream in = loader.getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
            if (in == null) {
                throw new ScenarioException(source, "no such resource on the test's class path");
            }
            return Scenario.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario " + source, e);
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
