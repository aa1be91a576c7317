package hvemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
                "--product-vendor", "--product-version");
    }

    @Test
    void userWithoutPasswordIsAUsageError() {
        String[] result = run("--user", "admin", "--port", "0");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("--user and --password go together");
    }

    @Test
    void refusesToStartOnATopologyWithAMofError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path bad = dir.resolve("bad.mof");
        java.nio.file.Files.writeString(bad, "instance of Msvm_ComputerSystem {\n  CreationClassName = \"Msvm_ComputerSystem\";\n"
                + "  Name = \"HOST\";\n  NumberOfNumaNodes = \"two\";\n};\n");
        String[] result = run("--port", "0", "--topology", bad.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains(bad + ":4:3: NumberOfNumaNodes is uint16");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--bogus")[0]).isEqualTo("2");
    }
}
