package hvemu.wsman;

import hvemu.operations.FaultKind;
import hvemu.operations.MethodOverride;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault-injection effect chosen for one exchange, and the rule that chose it. Each layer applies the
 * effects it owns: this one answers {@link Fault}, the operations layer {@link Method}, the transport
 * {@link HttpStatus}, {@link Drop} and {@link Delay}.
 *
 * @param rule the id of the rule that chose the effect
 * @param effect what happens
 */
public record Injection(String rule, Effect effect) {
    public Injection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(effect, "effect");
    }

    /** What happens to the exchange instead of (or on top of) its normal answer. */
    public sealed interface Effect permits Fault, Method, Delay, HttpStatus, Drop {
    }

    /** The request is answered with this fault, from the fault table, and not processed. */
    public record Fault(FaultKind kind) implements Effect {
        public Fault {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The invoked method does this instead of its normal outcome (Invoke only). */
    public record Method(MethodOverride override) implements Effect {
        public Method {
            Objects.requireNonNull(override, "override");
        }
    }

    /** The normal answer goes out this much later. */
    public record Delay(Duration delay) implements Effect {
        public Delay {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a delay is not negative: " + delay);
            }
        }
    }

    /** The request is not processed; it is answered with this HTTP status and no body. */
    public record HttpStatus(int status) implements Effect {
    }

    /** The request is not processed; its connection closes without an answer. */
    public record Drop() implements Effect {
    }
}
