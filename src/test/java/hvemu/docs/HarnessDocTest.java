package hvemu.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/harness.md shows the example files as they are: each {@code <!-- include: PATH -->} is followed by a fenced
 * block holding exactly the file at PATH, the file the build runs ({@code scripts/harness-doc} rewrites the blocks).
 */
class HarnessDocTest {
    private static final Pattern INCLUDE = Pattern.compile("^<!-- include: (\\S+) -->\\n```[a-z]*\\n(.*?)^```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    private static Map<String, String> includes() throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = INCLUDE.matcher(Files.readString(Path.of("docs", "harness.md")));
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    @Test
    void showsEveryExampleTheBuildRuns() throws IOException {
        assertThat(includes()).containsOnlyKeys(
                "src/it/junit-example/src/test/java/example/DeclarativeExampleTest.java",
                "src/it/junit-example/src/test/java/example/ProgrammaticExampleTest.java",
                "docs/examples/test_hvemu.py", "docs/examples/Hvemu.Tests.ps1", "docs/examples/scenario.json");
    }

    @Test
    void showsTheExamplesAsTheyAre() throws IOException {
        for (Map.Entry<String, String> block : includes().entrySet()) {
            assertThat(block.getValue()).as("the block of %s in docs/harness.md (scripts/harness-doc rewrites it)",
                    block.getKey()).isEqualTo(Files.readString(Path.of(block.getKey())));
        }
    }
}
