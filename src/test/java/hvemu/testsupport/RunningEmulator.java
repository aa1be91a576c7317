package hvemu.testsupport;

import hvemu.Emulator;
import java.util.function.UnaryOperator;

/** Starts an {@link Emulator} on a free loopback port for a test class. */
public final class RunningEmulator implements AutoCloseable {
    public static final String USER = "hvadmin";
    public static final String PASSWORD = "Pa55w.rd";

    private final Emulator emulator;

    private RunningEmulator(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Starts an open emulator (no credentials). */
    public static RunningEmulator open() {
        return start(b -> b);
    }

    /** Starts an emulator that requires {@link #USER} and {@link #PASSWORD}. */
    public static RunningEmulator secured() {
        return start(b -> b.credentials(USER, PASSWORD));
    }

    /** Starts an emulator configured by {@code configure}, on port 0. */
    public static RunningEmulator start(UnaryOperator<Emulator.Builder> configure) {
        return new RunningEmulator(configure.apply(Emulator.builder().port(0)).build().start());
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

    @Override
    public void close() {
        emulator.close();
    }
}
