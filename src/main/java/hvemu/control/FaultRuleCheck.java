package hvemu.control;

import hvemu.cim.schema.Schema;
import hvemu.operations.FaultKind;
import hvemu.operations.MethodOverride;
import hvemu.wsman.FaultTable;
import hvemu.wsman.Injection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a new {@link FaultRule} and turns its effect into the {@link Injection} the serving layers apply.
 * Every problem is a 400 whose message names the field and what it may be.
 */
final class FaultRuleCheck {
    static final long MAX_DELAY_MILLIS = 100_000;
    static final String DEFAULT_JOB_ERROR = "The job failed.";

    private FaultRuleCheck() {
    }

    /** Returns the rule's calls form, {@code every} when it gives none; a 400 when it is not one form. */
    static FaultRule.Calls calls(FaultRule.Calls calls) {
        if (calls == null) {
            return new FaultRule.Calls(null, null, true);
        }
        int set = count(calls.nth(), calls.next(), calls.every());
        if (set == 0) {
            return new FaultRule.Calls(null, null, true);
        }
        if (set > 1) {
            throw AdminException.badRequest("calls takes one of nth, next and every, not " + set);
        }
        if (calls.nth() != null && calls.nth() < 1) {
            throw AdminException.badRequest("calls.nth counts from 1 (the first matching call): " + calls.nth());
        }
        if (calls.next() != null && calls.next() < 1) {
            throw AdminException.badRequest("calls.next is a number of calls, 1 or more: " + calls.next());
        }
        if (Boolean.FALSE.equals(calls.every())) {
            throw AdminException.badRequest("calls.every can only be true");
        }
        return calls;
    }

    /** Checks the match: a resource class must be one of the schema's, selector names must not be empty. */
    static void match(FaultRule.Match match, Schema schema) {
        if (match == null) {
            return;
        }
        if (match.resourceClass() != null && schema.find(match.resourceClass()).isEmpty()) {
            throw AdminException.badRequest("match.resourceClass: no class " + match.resourceClass() + " in "
                    + schema.namespace());
        }
        if (match.selectors() != null) {
            for (Map.Entry<String, String> s : match.selectors().entrySet()) {
                if (s.getKey().isBlank() || s.getValue() == null) {
                    throw AdminException.badRequest("match.selectors: each selector needs a name and a value");
                }
            }
        }
    }

    /** Returns the effect as the serving layers apply it; a 400 unless exactly one sane effect is given. */
    static Injection.Effect effect(FaultRule.Effect effect) {
        if (effect == null) {
            throw AdminException.badRequest("a rule needs an effect: " + EFFECTS);
        }
        int set = count(effect.returnCode(), effect.jobError(), effect.delayMillis(), effect.wsmanFault(),
                effect.httpStatus(), effect.drop());
        if (set != 1) {
            throw AdminException.badRequest("effect takes exactly one of " + EFFECTS + ", not " + set);
        }
        if (effect.returnCode() != null) {
            if (effect.returnCode() < 0 || effect.returnCode() > 0xFFFF_FFFFL) {
                throw AdminException.badRequest("effect.returnCode is a uint32 ReturnValue, 0 to 4294967295: "
                        + effect.returnCode());
            }
            return new Injection.Method(new MethodOverride.ReturnCode(effect.returnCode()));
        }
        if (effect.jobError() != null) {
            return new Injection.Method(jobError(effect.jobError()));
        }
        if (effect.delayMillis() != null) {
            if (effect.delayMillis() < 1 || effect.delayMillis() > MAX_DELAY_MILLIS) {
                throw AdminException.badRequest("effect.delayMillis is 1 to " + MAX_DELAY_MILLIS + ": "
                        + effect.delayMillis());
            }
            return new Injection.Delay(Duration.ofMillis(effect.delayMillis()));
        }
        if (effect.wsmanFault() != null) {
            FaultKind kind = FaultTable.kindNamed(effect.wsmanFault()).orElseThrow(() -> AdminException.badRequest(
                    "effect.wsmanFault: no fault " + effect.wsmanFault() + "; the fault table has "
                            + String.join(", ", FaultTable.names())));
            return new Injection.Fault(kind);
        }
        if (effect.httpStatus() != null) {
            if (effect.httpStatus() < 200 || effect.httpStatus() > 599) {
                throw AdminException.badRequest("effect.httpStatus is 200 to 599: " + effect.httpStatus());
            }
            return new Injection.HttpStatus(effect.httpStatus());
        }
        if (!effect.drop()) {
            throw AdminException.badRequest("effect.drop can only be true");
        }
        return new Injection.Drop();
    }

    /** Returns the effect as a client reads it back: the fault named as the table writes it. */
    static FaultRule.Effect normalized(FaultRule.Effect effect, Injection.Effect applied) {
        if (applied instanceof Injection.Fault f) {
            return new FaultRule.Effect(null, null, null, FaultTable.name(f.kind()), null, null);
        }
        if (applied instanceof Injection.Method m && m.override() instanceof MethodOverride.FailedJob j) {
            return new FaultRule.Effect(null, new FaultRule.JobError(j.errorCode(), j.errorDescription(), j.atPercent()),
                    null, null, null, null);
        }
        return effect;
    }

    private static MethodOverride.FailedJob jobError(FaultRule.JobError error) {
        if (error.errorCode() < 0 || error.errorCode() > 0xFFFF) {
            throw AdminException.badRequest("effect.jobError.errorCode is a uint16, 0 to 65535: " + error.errorCode());
        }
        if (error.atPercent() < 0 || error.atPercent() > 100) {
            throw AdminException.badRequest("effect.jobError.atPercent is 0 to 100: " + error.atPercent());
        }
        String description = error.errorDescription() == null || error.errorDescription().isBlank()
                ? DEFAULT_JOB_ERROR : error.errorDescription();
        return new MethodOverride.FailedJob(error.errorCode(), description, error.atPercent());
    }

    private static final String EFFECTS = "returnCode, jobError, delayMillis, wsmanFault, httpStatus, drop";

    private static int count(Object... values) {
        List<Object> set = new ArrayList<>();
        for (Object v : values) {
            if (v != null) {
                set.add(v);
            }
        }
        return set.size();
    }
}
