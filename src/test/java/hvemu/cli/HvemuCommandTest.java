package hvemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's options and its answers to misuse. */
class HvemuCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HvemuCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheOptions() {
        String[] result = run("--help");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("--host", "--port", "--user", "--password", "--max-request-size",
                "--product-vendor", "--product-version", "--https-port", "--keystore", "--keystore-password",
                "--data-dir", "--allow-unencrypted", "--no-http", "--scenario", "--journal-size", "--auth");
    }

    @Test
    void refusesAnUnknownAuthenticationSchemeAndAUserWithAnEmptyName() {
        String[] scheme = run("--port", "0", "--user", "admin", "--password", "pw", "--auth", "basic,kerberos");
        assertThat(scheme[0]).isEqualTo("2");
        assertThat(scheme[2]).contains("hvemu: unknown authentication scheme 'kerberos': use basic, negotiate or both");
        String[] user = run("--port", "0", "--user", "EMU\\", "--password", "pw");
        assertThat(user[0]).isEqualTo("2");
        assertThat(user[2]).contains("hvemu: the user must be name or DOMAIN\\name");
    }

    @Test
    void httpsOptionsNeedAnHttpsPort() {
        String[] noHttp = run("--no-http");
        assertThat(noHttp[0]).isEqualTo("2");
        assertThat(noHttp[2]).contains("--no-http needs --https-port");
        String[] keystore = run("--port", "0", "--keystore", "server.p12");
        assertThat(keystore[0]).isEqualTo("2");
        assertThat(keystore[2]).contains("--keystore needs --https-port");
        String[] password = run("--port", "0", "--https-port", "0", "--keystore-password", "pw");
        assertThat(password[0]).isEqualTo("2");
        assertThat(password[2]).contains("--keystore-password needs --keystore");
    }

    @Test
    void refusesToStartWithAWrongKeystorePassword(@TempDir Path dir) {
        // The keystore a first start generates in the data directory, opened with the wrong password.
        hvemu.Emulator.builder().port(0).httpsPort(0).dataDir(dir).build().start().close();
        Path keystore = dir.resolve("https.p12");
        String[] result = run("--port", "0", "--https-port", "0", "--keystore", keystore.toString(),
                "--keystore-password", "wrong");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).isEqualTo("hvemu: cannot open the keystore " + keystore
                + ": the password is wrong (give it with --keystore-password)" + System.lineSeparator());
    }

    @Test
    void refusesToStartWithoutAKeystore(@TempDir Path dir) {
        Path missing = dir.resolve("missing.p12");
        String[] result = run("--port", "0", "--https-port", "0", "--keystore", missing.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).isEqualTo("hvemu: no keystore at " + missing + System.lineSeparator());
    }

    @Test
    void refusesANegativePort() {
        String[] result = run("--port", "-1");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("hvemu: port must be 0 to 65535: -1");
    }

    @Test
    void userWithoutPasswordIsAUsageError() {
        String[] result = run("--user", "admin", "--port", "0");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("--user and --password go together");
    }

    @Test
    void refusesToStartOnATopologyWithAMofError(@TempDir Path dir)
            throws java.io.IOException {
        Path bad = dir.resolve("bad.mof");
        java.nio.file.Files.writeString(bad, "instance of Msvm_ComputerSystem {\n  CreationClassName = \"Msvm_ComputerSystem\";\n"
                + "  Name = \"HOST\";\n  NumberOfNumaNodes = \"two\";\n};\n");
        String[] result = run("--port", "0", "--topology", bad.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains(bad + ":4:3: NumberOfNumaNodes is uint16");
    }

    @Test
    void refusesToStartWithAScenarioItCannotUse(@TempDir Path dir) throws java.io.IOException {
        Path missing = dir.resolve("missing.json");
        String[] result = run("--port", "0", "--scenario", missing.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).isEqualTo("hvemu: scenario " + missing + ": no such file" + System.lineSeparator());
        Path typo = java.nio.file.Files.writeString(dir.resolve("typo.json"), "{\"jobMode\": {\"*\": \"manual\"}}");
        result = run("--port", "0", "--scenario", typo.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).isEqualTo("hvemu: scenario " + typo + ": unknown field \"jobMode\" at the top level "
                + "(known: description, faults, jobModes)" + System.lineSeparator());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--bogus")[0]).isEqualTo("2");
    }
}
