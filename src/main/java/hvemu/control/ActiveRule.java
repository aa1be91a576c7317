package hvemu.control;

import hvemu.cim.schema.Schema;
import hvemu.wsman.Exchange;
import hvemu.wsman.Injection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault rule in force: its checked form, the effect it applies, and its counts. Thread-safe: counts are
 * atomic, so of concurrent calls exactly one is a rule's nth, and at most N are its next N.
 */
final class ActiveRule {
    private final String id;
    private final FaultRule.Match match;
    private final FaultRule.Calls calls;
    private final FaultRule.Effect effect;
    private final Injection injection;
    private final boolean invokesOnly;
    private final Schema schema;
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    private ActiveRule(String id, FaultRule rule, Schema schema) {
        this.id = id;
        this.schema = schema;
        FaultRuleCheck.match(rule.match(), schema);
        this.match = rule.match();
        this.calls = FaultRuleCheck.calls(rule.calls());
        Injection.Effect applied = FaultRuleCheck.effect(rule.effect());
        this.effect = FaultRuleCheck.normalized(rule.effect(), applied);
        this.injection = new Injection(id, applied);
        this.invokesOnly = applied instanceof Injection.Method;
    }

    /**
     * Checks a new rule and puts it in force under {@code id}.
     *
     * @throws AdminException 400 when the rule is not valid; the message says why
     */
    static ActiveRule of(String id, FaultRule rule, Schema schema) {
        return new ActiveRule(id, rule, schema);
    }

    String id() {
        return id;
    }

    /**
     * Offers the rule a request: counts it when the rule matches it, and returns the rule's effect when
     * {@code mayApply} (no earlier rule applies) and the calls form picks this call; else null.
     */
    Injection offer(Exchange exchange, boolean mayApply) {
        if (!matches(exchange)) {
            return null;
        }
        long n = matched.incrementAndGet();
        if (!mayApply) {
            return null;
        }
        boolean picked;
        if (calls.nth() != null) {
            picked = n == calls.nth();
        } else if (calls.next() != null) {
            long limit = calls.next();
            picked = hits.getAndUpdate(h -> h < limit ? h + 1 : h) < limit;
            return picked ? injection : null;
        } else {
            picked = true;
        }
        if (picked) {
            hits.incrementAndGet();
            return injection;
        }
        return null;
    }

    /** Returns the rule as a client reads it back, with its id and counts now. */
    FaultRule view() {
        return new FaultRule(id, match, calls, effect, hits.get(), matched.get());
    }

    private boolean matches(Exchange exchange) {
        if (invokesOnly && exchange.method() == null) {
            return false;
        }
        if (match == null) {
            return true;
        }
        if (match.action() != null && !match.action().equals(exchange.action())) {
            return false;
        }
        if (match.method() != null && !match.method().equalsIgnoreCase(exchange.method())) {
            return false;
        }
        if (match.resourceClass() != null) {
            String named = exchange.resourceClass();
            if (named == null || !schema.isA(named, match.resourceClass())) {
                return false;
            }
        }
        return match.selectors() == null || carries(exchange.selectors(), match.selectors());
    }

    /** Returns true when every wanted selector is among the request's, names and values compared ignoring case. */
    private static boolean carries(Map<String, String> request, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            boolean found = false;
            for (Map.Entry<String, String> r : request.entrySet()) {
                if (r.getKey().equalsIgnoreCase(w.getKey()) && r.getValue().equalsIgnoreCase(w.getValue())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
