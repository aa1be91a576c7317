package hvemu.control;

import java.util.Map;

/**
 * A fault-injection rule: which requests it matches, on which of their calls, and what happens instead.
 *
 * @param id the rule's id, given by the emulator when the rule is added (ignored in a new rule)
 * @param match which requests count
 * @param calls on which matching calls the effect happens; every call when null
 * @param effect what happens
 * @param hits how many times the effect has happened
 */
public record FaultRule(String id, Match match, Calls calls, Effect effect, long hits) {
    /**
     * Which requests a rule matches; a null field matches anything. Class and method compare
     * case-insensitively; a class matches its subclasses' instances.
     *
     * @param action the exact WS-Addressing Action
     * @param resourceClass the class the ResourceURI names (or, for a wildcard URI, none)
     * @param method the invoked method's name
     * @param selectors selectors the request must carry with these values (keys compare case-insensitively)
     */
    public record Match(String action, String resourceClass, String method, Map<String, String> selectors) {
    }

    /**
     * On which of the matching calls the effect happens: exactly one field is set.
     *
     * @param nth only the nth matching call (1 is the first), once
     * @param next the next N matching calls, then no more
     * @param every every matching call (true)
     */
    public record Calls(Integer nth, Integer next, Boolean every) {
    }

    /**
     * What happens instead of (or to) the normal answer: exactly one field is set.
     *
     * @param returnCode the method answers this ReturnValue (e.g. 4, 6, 4097) and changes nothing
     * @param jobError the job the method starts ends in Exception (10) with this error
     * @param delayMillis the answer comes this much later (it is otherwise normal)
     * @param wsmanFault the request gets the WS-Man fault of this kind from the fault table,
     *     named by its subcode (e.g. {@code DestinationUnreachable}, {@code w:TimedOut})
     * @param httpStatus the request gets this HTTP status with no body
     * @param drop true: the connection closes with no answer
     */
    public record Effect(Integer returnCode, JobError jobError, Long delayMillis, String wsmanFault,
            Integer httpStatus, Boolean drop) {
    }

    /**
     * The error a job ends with.
     *
     * @param errorCode its ErrorCode
     * @param errorDescription its ErrorDescription
     * @param atPercent the PercentComplete at which it fails (0–100)
     */
    public record JobError(int errorCode, String errorDescription, int atPercent) {
    }
}
