package hvemu.cim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimClass;
import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MOF subset: classes, inheritance, qualifiers, methods, instances with aliases, and errors with positions. */
class MofLoaderTest {
    private static final String SCHEMA = """
            #pragma namespace("root/Test")
            // a comment
            [Abstract, Description("base " "class")]
            class T_Base {
                [Key, MaxLen(64)] string Id;
                uint16 States[] = {2, 3};
                [ValueMap{"2", "3"}, Values{"On", "Off"}] uint16 State = 2;
                datetime When = "00000000000500.000000:000";
            };
            /* block
               comment */
            class T_Thing : T_Base {
                [Override("State")] uint16 State = 3;
                real64 Ratio;
                uint32 Do([IN] string Name, [IN] T_Thing REF Others[], [IN(false), OUT] T_Thing REF Result,
                    [OUT, EmbeddedInstance("T_Base")] string Error);
            };
            [Association] class T_Link {
                [Key] T_Thing REF Left;
                [Key] T_Thing REF Right;
            };
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void resolvesInheritanceAndOverrides() throws IOException {
        Schema schema = MofLoader.schema(MofSource.file(write("s.mof", SCHEMA)));
        assertThat(schema.namespace()).isEqualTo("root/Test");
        CimClass thing = schema.get("t_thing");
        assertThat(thing.isAbstract()).isFalse();
        assertThat(thing.keys()).extracting(p -> p.name()).containsExactly("Id");
        assertThat(thing.property("state").orElseThrow().defaultValue()).isEqualTo(3L);
        assertThat(thing.property("State").orElseThrow().qualifiers().strings("Values")).containsExactly("On", "Off");
        assertThat(thing.property("States").orElseThrow().defaultValue()).isEqualTo(List.of(2L, 3L));
        assertThat(thing.property("When").orElseThrow().defaultValue())
                .isEqualTo(CimDateTime.interval(Duration.ofMinutes(5)));
        assertThat(schema.get("T_Base").qualifiers().string("Description")).isEqualTo("base class");
        assertThat(schema.isA("T_Thing", "t_base")).isTrue();
        assertThat(schema.descendantsOf("T_Base")).extracting(CimClass::name).containsExactly("T_Base", "T_Thing");
        assertThat(schema.get("T_Link").isAssociation()).isTrue();
    }

    @Test
    void readsMethodSignatures() throws IOException {
        CimMethod m = MofLoader.schema(MofSource.file(write("s.mof", SCHEMA))).get("T_Thing").method("do").orElseThrow();
        assertThat(m.returnType()).isEqualTo(CimType.UINT32);
        CimParameter others = m.parameter("Others").orElseThrow();
        assertThat(others.type()).isEqualTo(CimType.REFERENCE);
        assertThat(others.referenceClass()).isEqualTo("T_Thing");
        assertThat(others.array()).isTrue();
        assertThat(others.in()).isTrue();
        CimParameter result = m.parameter("Result").orElseThrow();
        assertThat(result.in()).isFalse();
        assertThat(result.out()).isTrue();
        assertThat(m.parameter("Error").orElseThrow().embeddedInstance()).isEqualTo("T_Base");
    }

    @Test
    void loadsInstancesWithAliases() throws IOException {
        Path schema = write("s.mof", SCHEMA);
        Path topology = write("t.mof", """
                instance of T_Thing as $A { Id = "a"; Ratio = 0.5; };
                instance of T_Thing as $B { Id = "b"; State = 2; States = {}; };
                instance of T_Link { Left = $A; Right = $b; };
                """);
        MofLoader.Model model = MofLoader.load(MofSource.file(schema), MofSource.file(topology));
        assertThat(model.instances()).hasSize(3);
        CimInstance a = model.instances().get(0);
        assertThat(a.get("ratio")).isEqualTo(0.5);
        assertThat(a.get("State")).as("default").isEqualTo(3L);
        CimInstance link = model.instances().get(2);
        assertThat(link.get("Left")).isEqualTo(ObjectPath.of("root/Test", "T_Thing", java.util.Map.of("Id", "A")));
    }

    @Test
    void followsIncludesRelativeToTheIncludingFile() throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        write("schema/s.mof", SCHEMA);
        Path root = write("root.mof", "#pragma include(\"schema/s.mof\")\n");
        assertThat(MofLoader.schema(MofSource.file(root)).find("T_Link")).isPresent();
    }

    private void assertFails(String topology, String position, String message) throws IOException {
        Path schema = write("s.mof", SCHEMA);
        Path t = write("t.mof", topology);
        assertThatThrownBy(() -> MofLoader.load(MofSource.file(schema), MofSource.file(t)))
                .isInstanceOf(MofException.class)
                .hasMessageStartingWith(t + ":" + position + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void namesFileLineAndColumnOfErrors() throws IOException {
        assertFails("instance of T_Thing { Id = \"a\" }", "1:32", "expected ';'");
        assertFails("\n  instance of T_Nope { Id = \"a\"; };", "2:3", "no class T_Nope");
        assertFails("instance of T_Thing {\n  Ratio = 1.0;\n};", "1:1", "does not set its key Id");
        assertFails("instance of T_Thing { Id = \"a\";\n   Colour = 1; };", "2:4", "has no property Colour");
        assertFails("instance of T_Thing { Id = \"a\"; State = \"x\"; };", "1:33", "State is uint16");
        assertFails("instance of T_Thing { Id = \"a\"; State = 70000; };", "1:33", "out of range");
        assertFails("instance of T_Link { Left = $Z; Right = $Z; };", "1:22", "alias $Z is not declared");
        assertFails("instance of T_Base { Id = \"a\"; };", "1:1", "abstract");
        assertFails("instance of T_Thing { Id = \"a\"; };\ninstance of T_Thing { Id = \"A\"; };", "2:1", "declared twice");
        assertFails("instance of T_Thing { Id = \"unclosed; };", "1:28", "string not closed");
    }

    @Test
    void refusesSchemaErrors() throws IOException {
        Path bad = write("bad.mof", "class A : B { };");
        assertThatThrownBy(() -> MofLoader.schema(MofSource.file(bad)))
                .hasMessageContaining(bad + ":1:1").hasMessageContaining("superclass B");
        Path badType = write("bad2.mof", "class A {\n  unit16 X; };");
        assertThatThrownBy(() -> MofLoader.schema(MofSource.file(badType)))
                .hasMessageContaining(":2:3").hasMessageContaining("unknown type 'unit16'");
    }
}
