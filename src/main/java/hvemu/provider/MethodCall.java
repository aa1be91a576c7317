package hvemu.provider;

import hvemu.cim.CimMethod;
import hvemu.cim.ObjectPath;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A method invocation: the target instance, the method, its IN arguments by parameter name
 * (case-insensitive; a parameter not sent is absent), and how long the caller waits.
 */
public record MethodCall(ObjectPath target, CimMethod method, Map<String, Object> arguments, Duration timeout) {
    public MethodCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Map<String, Object> args = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        args.putAll(arguments);
        arguments = Collections.unmodifiableMap(args);
    }

    /** Returns true when the client sent the parameter (possibly as NULL). */
    public boolean has(String parameter) {
        return arguments.containsKey(parameter);
    }

    /** Returns the argument, or null when absent or NULL. */
    public Object get(String parameter) {
        return arguments.get(parameter);
    }

    /** Returns a copy of the arguments in insertion order. */
    public Map<String, Object> argumentMap() {
        return new LinkedHashMap<>(arguments);
    }
}
