package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: their form, the messages that say what is wrong and where, and their application through Admin. */
class ScenarioTest {
    private static final String SCENARIO = """
            {
              "description": "pools wait to be stepped; the second CreateResourcePool answers 4",
              "jobModes": {"CreateResourcePool": "manual", "*": "immediate"},
              "faults": [
                {"match": {"method": "CreateResourcePool"}, "calls": {"nth": 2}, "effect": {"returnCode": 4}},
                {"match": {"resourceClass": "Msvm_ConcreteJob"}, "effect": {"delayMillis": 50}}
              ]
            }
            """;

    /** An Admin that records the calls a scenario makes, and refuses the ones {@code refuse} names. */
    private static Admin recording(List<String> calls, String refuse) {
        return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    String call = method.getName() + args[0];
                    calls.add(call);
                    if (call.equals(refuse)) {
                        throw AdminException.badRequest("refused: " + args[0]);
                    }
                    return method.getName().equals("addFault") ? args[0] : null;
                });
    }

    private static String problem(String json) {
        return assertThatThrownBy(() -> Scenario.parse(json, "s.json")).isInstanceOf(ScenarioException.class)
                .actual().getMessage();
    }

    @Test
    void readsTheAdminApisShapes() {
        Scenario scenario = Scenario.parse(SCENARIO, "s.json");
        assertThat(scenario.jobModes()).containsExactly(Map.entry("*", "immediate"), Map.entry("CreateResourcePool", "manual"));
        assertThat(scenario.faults()).hasSize(2);
        assertThat(scenario.faults().get(0).match().method()).isEqualTo("CreateResourcePool");
        assertThat(scenario.faults().get(0).calls().nth()).isEqualTo(2);
        assertThat(scenario.faults().get(0).effect().returnCode()).isEqualTo(4);
        assertThat(scenario.faults().get(1).effect().delayMillis()).isEqualTo(50L);
    }

    @Test
    void appliesTheJobModesStarFirstThenTheRulesInOrder() {
        List<String> calls = new ArrayList<>();
        Scenario scenario = Scenario.parse(SCENARIO, "s.json");
        scenario.applyTo(recording(calls, null));
        assertThat(calls).containsExactly("jobMode*", "jobModeCreateResourcePool",
                "addFault" + scenario.faults().get(0), "addFault" + scenario.faults().get(1));
    }

    @Test
    void anEntryTheApiRefusesIsNamedWithTheFileAndTheApisMessage() {
        Scenario scenario = Scenario.parse(SCENARIO, "s.json");
        assertThatThrownBy(() -> scenario.applyTo(recording(new ArrayList<>(), "jobModeCreateResourcePool")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("scenario s.json: jobModes.CreateResourcePool: refused: CreateResourcePool");
        assertThatThrownBy(() -> scenario.applyTo(recording(new ArrayList<>(), "addFault" + scenario.faults().get(1))))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario s.json: faults[1]: refused: ");
    }

    @Test
    void anEmptyObjectIsTheEmptyScenario() {
        List<String> calls = new ArrayList<>();
        Scenario.parse("{}", "s.json").applyTo(recording(calls, null));
        assertThat(calls).isEmpty();
    }

    @Test
    void namesAnUnknownFieldWithWhereItIsAndTheKnownOnes() {
        assertThat(problem("{\"jobModes\": {}, \"snapshots\": []}")).isEqualTo("scenario s.json: unknown field "
                + "\"snapshots\" at the top level (known: description, faults, jobModes)");
        assertThat(problem("{\"faults\": [{\"effect\": {\"returnCod\": 4}}]}"))
                .startsWith("scenario s.json: unknown field \"returnCod\" in faults[0].effect (known: ")
                .contains("returnCode", "jobError", "wsmanFault");
    }

    @Test
    void namesAValueOfTheWrongKind() {
        assertThat(problem("{\"faults\": {}}")).isEqualTo("scenario s.json: faults: expected an array (line 1, column 12)");
        assertThat(problem("{\"faults\": [{\"calls\": {\"nth\": \"first\"}}]}"))
                .isEqualTo("scenario s.json: faults[0].calls.nth: expected a whole number, not \"first\" (line 1, column 31)");
        assertThat(problem("{\"jobModes\": [\"manual\"]}")).isEqualTo("scenario s.json: jobModes: expected an object (line 1, column 14)");
        assertThat(problem("[]")).isEqualTo("scenario s.json: expected an object (line 1, column 1)");
        assertThat(problem("{\"jobModes\": {\"*\": null}}"))
                .isEqualTo("scenario s.json: jobModes.*: a mode is a string: immediate, manual, or a duration such as 2s");
        assertThat(problem("{\"faults\": [null]}")).isEqualTo("scenario s.json: faults[0]: a rule is an object, not null");
    }

    @Test
    void namesJsonThatIsNotWellFormed() {
        assertThat(problem("{\"jobModes\": {\"*\": \"manual\",}}"))
                .startsWith("scenario s.json: not valid JSON (line 1, column 29): ");
        assertThat(problem("{} {}")).isEqualTo("scenario s.json: there is more after the scenario's object (line 1, column 4)");
        assertThat(problem("{\"jobModes\": {\"*\": \"manual\", \"*\": \"immediate\"}}"))
                .startsWith("scenario s.json: not valid JSON (line 1, column ").contains("Duplicate field '*'");
        assertThat(problem("  \n")).isEqualTo("scenario s.json: the file is empty; a scenario is a JSON object such as "
                + "{\"jobModes\": {\"*\": \"immediate\"}}");
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Scenario.read(missing)).isInstanceOf(ScenarioException.class)
                .hasMessage("scenario " + missing + ": no such file");
        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Scenario.read(latin1)).hasMessage("scenario " + latin1 + ": not UTF-8 text");
        assertThatThrownBy(() -> Scenario.read(dir)).hasMessageStartingWith("scenario " + dir + ": cannot be read: ");
        Path good = Files.writeString(dir.resolve("good.json"), SCENARIO);
        assertThat(Scenario.read(good).source()).isEqualTo(good.toString());
    }
}
