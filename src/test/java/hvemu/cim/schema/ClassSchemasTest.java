package hvemu.cim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * schemas/cim holds exactly what ClassSchemaWriter writes for the classes of mof/, so the two cannot
 * drift (run scripts/gen-cim-schemas after changing the MOF), and every schema compiles.
 */
class ClassSchemasTest {
    private static final Path DIR = Path.of("schemas/cim");

    static Stream<CimClass> classes() {
        return MofLoader.schema(MofSource.file(Path.of("mof/hvemu.mof"))).classes().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void matchesTheMof(CimClass cls) throws IOException {
        Path file = DIR.resolve(cls.name() + ".xsd");
        assertThat(file).as("run scripts/gen-cim-schemas").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("run scripts/gen-cim-schemas")
                .isEqualTo(ClassSchemaWriter.write(cls));
    }

    @Test
    void holdsNoSchemaOfAClassThatIsGone() throws IOException {
        List<String> expected = classes().map(c -> c.name() + ".xsd").sorted().toList();
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void compiles(CimClass cls) throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        assertThat(factory.newSchema(DIR.resolve(cls.name() + ".xsd").toFile())).isNotNull();
    }
}
