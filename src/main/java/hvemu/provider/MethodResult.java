package hvemu.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a method: its ReturnValue and OUT parameters by name (a NULL OUT parameter may be
 * absent or null).
 */
public record MethodResult(long returnValue, Map<String, Object> out) {
    public MethodResult {
        out = Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }

    /** Returns a result with a return code and no OUT parameters. */
    public static MethodResult of(long returnValue) {
        return new MethodResult(returnValue, Map.of());
    }
}
