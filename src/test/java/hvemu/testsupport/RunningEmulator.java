package hvemu.testsupport;

import hvemu.Emulator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that runs an {@link Emulator} on a free loopback port: one for the test class when
 * registered in a static field ({@code @RegisterExtension static final RunningEmulator EMULATOR =
 * RunningEmulator.open();}), a fresh one for every test when registered in an instance field.
 */
public final class RunningEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    public static final String USER = "hvadmin";
    public static final String PASSWORD = "Pa55w.rd";

    private final UnaryOperator<Emulator.Builder> configure;
    private Emulator emulator;
    private boolean perTest;

    private RunningEmulator(UnaryOperator<Emulator.Builder> configure) {
        this.configure = configure;
    }

    /** An open emulator (no credentials). */
    public static RunningEmulator open() {
        return with(b -> b);
    }

    /** An emulator that requires {@link #USER} and {@link #PASSWORD}. */
    public static RunningEmulator secured() {
        return with(b -> b.credentials(USER, PASSWORD));
    }

    /** An emulator configured by {@code configure}, on port 0. */
    public static RunningEmulator with(UnaryOperator<Emulator.Builder> configure) {
        return new RunningEmulator(configure);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = configure.apply(Emulator.builder().port(0)).build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            perTest = true;
            beforeAll(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            afterAll(context);
            emulator = null;
        }
    }

    /** Returns a client without credentials. */
    public WsmanClient client() {
        return WsmanClient.of(emulator.endpointUri());
    }

    /** Returns a client with the test credentials. */
    public WsmanClient authenticated() {
        return client().basic(USER, PASSWORD);
    }

    public Emulator emulator() {
        return emulator;
    }
}
