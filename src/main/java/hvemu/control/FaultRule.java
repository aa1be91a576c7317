package hvemu.control;

import java.util.Map;

/**
 * A fault-injection rule: which requests it matches, on which of their calls, and what happens instead.
 *
 * <p>Rules are tried in the order they were added. Each counts every request it matches ({@code matched});
 * of the rules whose calls form picks a request, the first applies its effect ({@code hits}), and the
 * others do not. Requests refused before they are read (401, 413, 415, empty probes) and admin requests
 * are never matched.
 *
 * @param id the rule's id, given by the emulator when the rule is added (ignored in a new rule)
 * @param match which requests count; all when null
 * @param calls on which matching calls the effect happens; every call when null
 * @param effect what happens
 * @param hits how many times the effect has happened (ignored in a new rule)
 * @param matched how many requests the rule has matched (ignored in a new rule)
 */
public record FaultRule(String id, Match match, Calls calls, Effect effect, long hits, long matched) {
    /**
     * Which requests a rule matches; a null field matches anything. Names and values compare
     * case-insensitively, the Action exactly.
     *
     * @param action the exact WS-Addressing Action
     * @param resourceClass a class of the schema: the class the ResourceURI names (its last segment) must be
     *     it or derive from it; a wildcard URI ({@code .../v2/*}) names none
     * @param method the invoked method's name (the request is an Invoke, {@code <ResourceURI>/<Method>})
     * @param selectors selectors the request must carry with these values (others may be there too)
     */
    public record Match(String action, String resourceClass, String method, Map<String, String> selectors) {
    }

    /**
     * On which of the matching calls the effect happens: at most one field is set; none is {@code every}.
     *
     * @param nth only the nth matching call (1 is the first), once
     * @param next the next N matching calls the rule applies to, then no more
     * @param every every matching call (true)
     */
    public record Calls(Integer nth, Integer next, Boolean every) {
    }

    /**
     * What happens instead of (or to) the normal answer: exactly one field is set.
     *
     * @param returnCode the method answers this ReturnValue (a uint32, e.g. 4, 6, 4097) with no OUT parameters and is
     *     not run, so nothing changes; the rule matches Invokes only
     * @param jobError the method runs, and the job it starts ends in Exception (10) with this error, leaving
     *     nothing made; the rule matches Invokes only
     * @param delayMillis the answer comes this much later (1 to 100000), and is otherwise normal
     * @param wsmanFault the request gets the WS-Man fault of this kind from the fault table, named by its
     *     subcode with or without prefix (e.g. {@code DestinationUnreachable}, {@code w:TimedOut}), and is not
     *     processed
     * @param httpStatus the request gets this HTTP status (200 to 599) with no body, and is not processed
     * @param drop true: the connection closes with no answer, and the request is not processed
     */
    public record Effect(Long returnCode, JobError jobError, Long delayMillis, String wsmanFault,
            Integer httpStatus, Boolean drop) {
    }

    /**
     * The error a job ends with.
     *
     * @param errorCode its ErrorCode (0 to 65535)
     * @param errorDescription its ErrorDescription (and ErrorSummaryDescription)
     * @param atPercent the PercentComplete at which it fails (0–100): it fails at the first step at which it
     *     would reach this (0 at its first step, 100 instead of completing) and reads this value then
     */
    public record JobError(int errorCode, String errorDescription, int atPercent) {
    }
}
