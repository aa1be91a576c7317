package hvemu.junit;

import hvemu.Emulator;
import hvemu.control.Admin;
import java.net.URI;
import java.nio.file.Path;

/**
 * What a test needs of the emulator an {@link HvemuExtension} runs: its URLs, the credentials it requires and
 * its control plane. Injected into test methods, constructors and lifecycle methods that declare a parameter of
 * this type; valid while that emulator runs. Thread-safe.
 */
public final class HvemuRuntimeInfo {
    private final Emulator emulator;
    private final String user;
    private final String password;
    private final Path certificate;

    HvemuRuntimeInfo(Emulator emulator, String user, String password, Path certificate) {
        this.emulator = emulator;
        this.user = user;
        this.password = password;
        this.certificate = certificate;
    }

    /** Returns the WS-Man endpoint over plain HTTP, e.g. {@code http://127.0.0.1:40527/wsman}. */
    public URI endpointUri() {
        return emulator.endpointUri();
    }

    /** Returns the HTTP port. */
    public int port() {
        return emulator.port();
    }

    /**
     * Returns the WS-Man endpoint over HTTPS, e.g. {@code https://127.0.0.1:40529/wsman}.
     *
     * @throws IllegalStateException unless the extension was asked for HTTPS
     */
    public URI httpsEndpointUri() {
        return emulator.httpsEndpointUri();
    }

    /**
     * Returns the emulator's self-signed certificate (PEM), for a client to trust.
     *
     * @throws IllegalStateException unless the extension was asked for HTTPS
     */
    public Path certificate() {
        if (certificate == null) {
            throw new IllegalStateException("the emulator serves no HTTPS: ask for it with https = true");
        }
        return certificate;
    }

    /** Returns the URL of the admin API, e.g. {@code http://127.0.0.1:40527/hvemu/admin}. */
    public URI adminUri() {
        return emulator.adminUri();
    }

    /** Returns the user requests authenticate as, or null when the emulator requires no credentials. */
    public String user() {
        return user;
    }

    /** Returns the password of {@link #user()}, or null when the emulator requires no credentials. */
    public String password() {
        return password;
    }

    /** Returns the control plane, in process: reset, snapshots, journal, fault rules, jobs, instances. */
    public Admin admin() {
        return emulator.admin();
    }

    /** Returns the emulator itself, for what this class does not offer. */
    public Emulator emulator() {
        return emulator;
    }
}
