package hvemu.control;

import hvemu.cim.schema.Schema;
import hvemu.wsman.Exchange;
import hvemu.wsman.FaultInjector;
import hvemu.wsman.Injection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault-injection rules in force, in the order they were added, as the WS-Man endpoint's
 * {@link FaultInjector}: asked once per request whose headers were read, before it is dispatched.
 *
 * <p>Every rule counts the requests it matches; the first rule (in order) whose calls form picks the
 * request applies its effect, and the rules after it only count. Ids are given here, {@code 1}, {@code 2},
 * …, never reused while the emulator runs (not even after {@link #clear}). Thread-safe; with no rules, a
 * request costs one read of an empty list.
 */
public final class FaultRules implements FaultInjector {
    private final Schema schema;
    private final List<ActiveRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Rules over the classes of {@code schema} (a rule's resource class must be one of them). */
    public FaultRules(Schema schema) {
        this.schema = schema;
    }

    /**
     * Checks a rule and puts it in force after the others; returns it with its id and counts of 0.
     *
     * @throws AdminException 400 when the rule is not valid; the message says why
     */
    public synchronized FaultRule add(FaultRule rule) {
        // The id is taken only by a valid rule, so ids run on without gaps.
        ActiveRule active = ActiveRule.of(Long.toString(ids.get() + 1), rule, schema);
        ids.incrementAndGet();
        rules.add(active);
        return active.view();
    }

    /** Returns the rules in force, in the order they are tried, with their counts. */
    public List<FaultRule> list() {
        return rules.stream().map(ActiveRule::view).toList();
    }

    /**
     * Removes the rule {@code id}; its effect stops with the next request.
     *
     * @throws AdminException 404 when no rule has that id
     */
    public void remove(String id) {
        if (!rules.removeIf(r -> r.id().equals(id))) {
            throw AdminException.notFound("no fault rule " + id);
        }
    }

    /** Removes every rule (what a reset does to them). */
    public void clear() {
        rules.clear();
    }

    @Override
    public Injection inject(Exchange exchange) {
        Injection chosen = null;
        for (ActiveRule rule : rules) {
            Injection offered = rule.offer(exchange, chosen == null);
            if (chosen == null) {
                chosen = offered;
            }
        }
        return chosen;
    }
}
