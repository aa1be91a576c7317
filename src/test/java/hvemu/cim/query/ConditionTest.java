package hvemu.cim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions checked against a class and evaluated over a row of values, with WMI's rules. */
class ConditionTest {
    private static Schema schema;

    /** A T_Pool named "Disk Pool", 10 units, not primordial, no Reserved, two statuses. */
    private static final Map<String, Object> ROW = new HashMap<>(Map.of(Condition.CLASS, "T_Pool",
            "InstanceID", "Microsoft:AB12", "ElementName", "Disk Pool", "Capacity", 10L, "Primordial", false,
            "Load", 0.5, "OperationalStatus", List.of(2L, 17L)));

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Path mof = dir.resolve("s.mof");
        Files.writeString(mof, """
                class T_Element { [Key] string InstanceID; string ElementName; uint16 OperationalStatus[]; };
                class T_Pool : T_Element { uint64 Capacity; uint64 Reserved; boolean Primordial; real64 Load; };
                class T_Other : T_Element { };
                """);
        schema = MofLoader.schema(MofSource.file(mof));
    }

    private static boolean eval(String where) throws WqlException {
        Query.Select q = (Query.Select) WqlParser.parse("SELECT * FROM T_Pool WHERE " + where);
        return Condition.compile(schema, schema.get("T_Pool"), q.where()).test(ROW::get);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ElementName = 'disk pool'                 | true
            ElementName <> 'DISK POOL'                | false
            ElementName < 'E'                         | true
            ElementName LIKE 'd%l'                    | true
            ElementName LIKE 'disk_pool'              | true
            ElementName LIKE 'Disk'                   | false
            ElementName LIKE '[a-d]isk%'              | true
            ElementName LIKE '[^d]isk%'               | false
            ElementName LIKE '100%'                   | false
            ElementName NOT LIKE '%Pool'              | false
            Capacity = 10                             | true
            Capacity = '10'                           | true
            Capacity >= 10.0                          | true
            Capacity > 10                             | false
            Load < 1                                  | true
            Primordial = FALSE                        | true
            Primordial = 0                            | true
            Primordial <> TRUE                        | true
            Reserved = 0                              | false
            Reserved <> 0                             | false
            Reserved IS NULL                          | true
            Capacity IS NOT NULL                      | true
            NOT Reserved = 0                          | true
            Capacity = 1 OR ElementName = 'Disk Pool' | true
            Capacity = 10 AND (Load > 1 OR Primordial = FALSE) | true
            __CLASS = 't_pool'                        | true
            __CLASS ISA 'T_Element'                   | true
            __CLASS ISA 'T_Other'                     | false
            """)
    void evaluatesWithWmisRules(String where, boolean expected) throws WqlException {
        assertThat(eval(where)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Colour = 'red'              | the class T_Pool has no property Colour
            OperationalStatus = 2       | OperationalStatus is an array
            Capacity = 'ten'            | 'ten' is not a number
            Primordial = 'maybe'        | maybe is not a boolean
            __CLASS ISA 'T_Nope'        | ISA names the class T_Nope, which does not exist
            ElementName ISA 'T_Element' | ISA tests __CLASS or a reference property
            ElementName LIKE 'a[b'      | opens '[' without ']'
            """)
    void checksTheConditionAgainstTheClass(String where, String message) {
        assertThatThrownBy(() -> eval(where)).isInstanceOf(WqlException.class).hasMessageContaining(message);
    }

    @Test
    void findsTheKeysOfAConditionThatFixesThem() throws WqlException {
        var cls = schema.get("T_Pool");
        Condition byKey = Condition.compile(schema, cls, ((Query.Select) WqlParser.parse(
                "SELECT * FROM T_Pool WHERE instanceid = 'Microsoft:AB12' AND Capacity > 1")).where());
        assertThat(byKey.keyLookup(cls)).isEqualTo(Optional.of(Map.of("InstanceID", "Microsoft:AB12")));
        for (String where : List.of("InstanceID = 'a' OR Capacity > 1", "InstanceID <> 'a'", "Capacity = 1",
                "InstanceID = 'a' AND InstanceID = 'b'")) {
            Condition c = Condition.compile(schema, cls, ((Query.Select) WqlParser.parse(
                    "SELECT * FROM T_Pool WHERE " + where)).where());
            assertThat(c.keyLookup(cls)).as(where).isEmpty();
        }
    }
}
