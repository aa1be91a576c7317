package hvemu.cim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.query.Expr.Compare;
import hvemu.cim.query.Expr.Op;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The WQL the clients write, parsed into queries; and the errors that say where a query goes wrong. */
class WqlParserTest {
    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("SELECT * FROM Msvm_ConcreteJob", new Query.Select(List.of(), "Msvm_ConcreteJob", null)),
                Arguments.of("select Name,ElementName from X", new Query.Select(List.of("Name", "ElementName"), "X", null)),
                Arguments.of("SELECT * FROM Msvm_ConcreteJob WHERE InstanceID = '9D1C'",
                        new Query.Select(List.of(), "Msvm_ConcreteJob", new Compare("InstanceID", Op.EQ, "9D1C"))),
                Arguments.of("SELECT * FROM X WHERE Name = \"it\"\"s\"",
                        new Query.Select(List.of(), "X", new Compare("Name", Op.EQ, "it\"s"))),
                Arguments.of("SELECT * FROM X WHERE A >= -3 AND B != 2.5 OR NOT C = TRUE",
                        new Query.Select(List.of(), "X", new Expr.Or(
                                new Expr.And(new Compare("A", Op.GE, -3L), new Compare("B", Op.NE, 2.5)),
                                new Expr.Not(new Compare("C", Op.EQ, Boolean.TRUE))))),
                Arguments.of("SELECT * FROM X WHERE A = 1 AND (B < 2 OR C <= 3)",
                        new Query.Select(List.of(), "X", new Expr.And(new Compare("A", Op.EQ, 1L),
                                new Expr.Or(new Compare("B", Op.LT, 2L), new Compare("C", Op.LE, 3L))))),
                Arguments.of("SELECT * FROM X WHERE A IS NOT NULL AND B NOT LIKE 'x%' AND __CLASS ISA 'Y'",
                        new Query.Select(List.of(), "X", new Expr.And(new Expr.And(new Expr.IsNull("A", true),
                                new Expr.Like("B", "x%", true)), new Expr.Isa("__CLASS", "Y")))),
                Arguments.of("ASSOCIATORS OF {Msvm_ConcreteJob.InstanceID='9D1C'} WHERE AssocClass = Msvm_AffectedJobElement "
                        + "ResultClass = Msvm_ResourcePool", new Query.Associators("Msvm_ConcreteJob",
                                Map.of("InstanceID", "9D1C"), "Msvm_AffectedJobElement", "Msvm_ResourcePool", null, null)),
                Arguments.of("associators of {\\\\HOST\\root\\HyperVCluster\\v2:Msvm_ComputerSystem.CreationClassName="
                        + "\"Msvm_ComputerSystem\",Name=\"HV-NODE1\"} where role = GroupComponent resultrole = PartComponent",
                        new Query.Associators("Msvm_ComputerSystem", Map.of("CreationClassName", "Msvm_ComputerSystem",
                                "Name", "HV-NODE1"), null, null, "GroupComponent", "PartComponent")),
                Arguments.of("REFERENCES OF {Msvm_ConcreteJob.InstanceID='a'} WHERE ResultClass = CIM_AffectedJobElement",
                        new Query.References("Msvm_ConcreteJob", Map.of("InstanceID", "a"), "CIM_AffectedJobElement", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void parses(String text, Query expected) throws WqlException {
        assertThat(WqlParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                             | character 1: a query starts with SELECT
            SELECT FROM X                                  | character 8: expected a property name
            SELECT * FROM X WHERE A =                      | character 26: expected a value
            SELECT * FROM X WHERE A = B                    | strings are quoted
            SELECT * FROM X WHERE A = NULL                 | compare with NULL by IS NULL
            SELECT * FROM X WHERE (A = 1                   | expected ')'
            SELECT * FROM X Y                              | character 17: unexpected 'Y'
            SELECT * FROM X WHERE A = 'b                   | character 27: a string is not closed
            SELECT * FROM X WHERE A ~ 1                    | unexpected '~'
            ASSOCIATORS OF Msvm_ConcreteJob                | expected an object path in braces
            ASSOCIATORS OF {Msvm_ConcreteJob.InstanceID='a' | '{' is not closed
            ASSOCIATORS OF {.InstanceID='a'}               | the object path names no class
            REFERENCES OF {X.K='a'} WHERE AssocClass = Y   | the clause AssocClass is not supported
            """)
    void saysWhereAQueryGoesWrong(String text, String message) {
        assertThatThrownBy(() -> WqlParser.parse(text)).isInstanceOf(WqlException.class).hasMessageContaining(message);
    }

    @Test
    void keepsTheQueryInItsMessages() {
        assertThatThrownBy(() -> WqlParser.parse("SELECT * FORM X")).hasMessageEndingWith("Query: SELECT * FORM X");
    }
}
