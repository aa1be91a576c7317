package hvemu.control;

/**
 * A scenario that cannot be read or applied. The message names the file (or resource) and says what is
 * wrong and where, e.g. {@code scenario it.json: faults[1].effect: unknown field "returnCod" (known: ...)}.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String source, String problem) {
        super("scenario " + source + ": " + problem);
    }

    public ScenarioException(String source, String problem, Throwable cause) {
        super("scenario " + source + ": " + problem, cause);
    }
}
