package hvemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The security defaults of the builder. */
class EmulatorTest {
    @Test
    void refusesToListenBeyondLoopbackWithoutCredentials() {
        assertThatThrownBy(() -> Emulator.builder().host("0.0.0.0").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without credentials");
    }

    @Test
    void listensBeyondLoopbackWithCredentials() {
        try (Emulator emulator = Emulator.builder().host("0.0.0.0").port(0).credentials("u", "p").build().start()) {
            assertThat(emulator.port()).isPositive();
        }
    }

    @Test
    void refusesToListenNowhere() {
        assertThatThrownBy(() -> Emulator.builder().http(false).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no listener: without HTTP, give an HTTPS port (--https-port)");
    }

    @Test
    void refusesAKeystoreWithoutAnHttpsPort() {
        assertThatThrownBy(() -> Emulator.builder().keystore(java.nio.file.Path.of("server.p12"), "pw").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a keystore is given but no HTTPS port (--https-port)");
    }

    @Test
    void servesNoHttpsUnlessAsked() {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            assertThatThrownBy(emulator::httpsEndpointUri).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no HTTPS listener");
        }
    }

    @Test
    void listensOnLoopbackByDefault() {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            assertThat(emulator.endpointUri().toString()).startsWith("http://127.0.0.1:").endsWith("/wsman");
        }
    }

    @Test
    void refusesAScenarioItCannotReadNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"faults\": [{\"calls\": 1}]}");
        assertThatThrownBy(() -> Emulator.builder().port(0).scenario(bad).build())
                .isInstanceOf(hvemu.control.ScenarioException.class)
                .hasMessage("scenario " + bad + ": faults[0].calls: expected an object (line 1, column 23)");
    }

    @Test
    void startsWithAScenarioThatSetsNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path scenario = java.nio.file.Files.writeString(dir.resolve("s.json"), "{\"description\": \"as is\"}");
        try (Emulator emulator = Emulator.builder().port(0).scenario(scenario).build().start()) {
            assertThat(emulator.admin().instances("Msvm_ResourcePoolConfigurationService")).hasSize(1);
        }
    }
}
