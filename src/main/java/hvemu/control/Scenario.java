package hvemu.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A scenario: the job modes and fault-injection rules an emulator starts with, written as JSON in the shapes
 * the admin API takes, so that a harness in any language can set the emulator up without code:
 *
 * <pre>
 * {
 *   "description": "pools wait to be stepped; the second CreateResourcePool answers 4 (Failed)",
 *   "jobModes": {"*": "immediate", "CreateResourcePool": "manual"},
 *   "faults": [{"match": {"method": "CreateResourcePool"}, "calls": {"nth": 2}, "effect": {"returnCode": 4}}]
 * }
 * </pre>
 *
 * <p>{@link #read} and {@link #parse} check the form (JSON, known fields, value types) and say what is wrong
 * and where. {@link #applyTo} then makes the calls the admin API's routes make: {@link Admin#jobMode} for each
 * mode ({@code *} first, then in the file's order), then {@link Admin#addFault} for each rule in order; a value
 * the API refuses is refused here with the file and the entry named. Instances are immutable and thread-safe.
 */
public final class Scenario {
    private static final Scenario NONE = new Scenario("(none)", Map.of(), List.of());

    private static final ObjectReader READER = AdminRoutes.JSON.readerFor(Document.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The file's shape; {@code description} is for people and otherwise ignored. */
    record Document(String description, LinkedHashMap<String, String> jobModes, List<FaultRule> faults) {
    }

    private final String source;
    private final Map<String, String> jobModes;
    private final List<FaultRule> faults;

    private Scenario(String source, Map<String, String> jobModes, List<FaultRule> faults) {
        this.source = source;
        Map<String, String> modes = new LinkedHashMap<>();
        if (jobModes.containsKey("*")) {
            modes.put("*", jobModes.get("*"));
        }
        modes.putAll(jobModes);
        this.jobModes = Collections.unmodifiableMap(modes);
        this.faults = List.copyOf(faults);
    }

    /** Returns the empty scenario: nothing to apply. */
    public static Scenario none() {
        return NONE;
    }

    /**
     * Reads the scenario in {@code file} (UTF-8 JSON).
     *
     * @throws ScenarioException when the file cannot be read or is not a scenario; the message names the file
     */
    public static Scenario read(Path file) {
        String source = file.toString();
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, "cannot be read: permission denied");
        } catch (MalformedInputException e) {
            throw new ScenarioException(source, "not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(source, "cannot be read: " + e.getMessage());
        }
        return parse(json, source);
    }

    /**
     * Parses a scenario from JSON text; {@code source} names it in messages (a file name, a resource).
     *
     * @throws ScenarioException when the text is not a scenario; the message says what is wrong and where
     */
    public static Scenario parse(String json, String source) {
        if (json.isBlank()) {
            throw new ScenarioException(source, "the file is empty; a scenario is a JSON object such as "
                    + "{\"jobModes\": {\"*\": \"immediate\"}}");
        }
        Document document;
        try {
            document = READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, problem(e), e);
        }
        if (document == null) {
            throw new ScenarioException(source, "a scenario is a JSON object, not null");
        }
        Map<String, String> modes = document.jobModes() == null ? Map.of() : document.jobModes();
        modes.forEach((method, mode) -> {
            if (mode == null) {
                throw new ScenarioException(source, "jobModes." + method
                        + ": a mode is a string: immediate, manual, or a duration such as 2s");
            }
        });
        List<FaultRule> rules = document.faults() == null ? List.of() : document.faults();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new ScenarioException(source, "faults[" + i + "]: a rule is an object, not null");
            }
        }
        return new Scenario(source, modes, rules);
    }

    /** Returns what the scenario was read from, as messages name it. */
    public String source() {
        return source;
    }

    /** Returns the job modes by method name, {@code *} first. */
    public Map<String, String> jobModes() {
        return jobModes;
    }

    /** Returns the fault-injection rules, in the order they are added. */
    public List<FaultRule> faults() {
        return faults;
    }

    /**
     * Applies the scenario through {@code admin}: the job modes, then the fault rules.
     *
     * @throws ScenarioException when {@code admin} refuses an entry; the message names the source and the entry
     *     and carries the admin API's own message, and the entries before it stay applied
     */
    public void applyTo(Admin admin) {
        jobModes.forEach((method, mode) -> {
            try {
                admin.jobMode(method, mode);
            } catch (AdminException e) {
                throw new ScenarioException(source, "jobModes." + method + ": " + e.getMessage(), e);
            }
        });
        for (int i = 0; i < faults.size(); i++) {
            try {
                admin.addFault(faults.get(i));
            } catch (AdminException e) {
                throw new ScenarioException(source, "faults[" + i + "]: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Scenario[" + source + ": " + jobModes.size() + " job modes, " + faults.size() + " fault rules]";
    }

    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof StreamReadException syntax) {
            e = syntax;  // Jackson wraps a syntax error met inside a value with the value's path
        }
        String at = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<JsonMappingException.Reference> path = unknown.getPath();
            String in = path.size() <= 1 ? "at the top level" : "in " + path(path.subList(0, path.size() - 1));
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            // no location: records are read whole before an unknown field is reported, so it points past them
            return "unknown field \"" + unknown.getPropertyName() + "\" " + in + " (known: " + known + ")";
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "there is more after the scenario's object" + at;
        }
        if (e instanceof InvalidFormatException invalid) {
            return where(invalid) + "expected " + kind(invalid.getTargetType()) + ", not \"" + invalid.getValue()
                    + "\"" + at;
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return where(mismatched) + "expected " + kind(mismatched.getTargetType()) + at;
        }
        if (e instanceof StreamReadException) {
            return "not valid JSON" + at + ": " + e.getOriginalMessage();
        }
        return (e instanceof JsonMappingException mapping ? where(mapping) : "") + e.getOriginalMessage() + at;
    }

    private static String where(JsonMappingException e) {
        String path = path(e.getPath());
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
