package hvemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} makes: target/hvemu.jar, the executable jar, carries no JUnit (a provided dependency)
 * and no extension that would need it; the library jar carries the extension for test projects.
 */
class ShadedJarIT {
    private static List<String> entries(String jar) throws IOException {
        try (ZipFile zip = new ZipFile(Path.of("target", jar).toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theExecutableJarHasNoJunit() throws IOException {
        List<String> entries = entries("hvemu.jar");
        assertThat(entries).contains("hvemu/cli/HvemuCommand.class", "ch/qos/logback/classic/Logger.class")
                .noneMatch(e -> e.startsWith("org/junit/") || e.startsWith("org/opentest4j/") || e.startsWith("hvemu/junit/"));
    }

    @Test
    void theLibraryJarHasTheExtension() throws IOException {
        assertThat(entries("hvemu-" + System.getProperty("hvemu.version") + ".jar"))
                .contains("hvemu/junit/HvemuExtension.class", "hvemu/junit/HvemuTest.class", "mof/");
    }
}
