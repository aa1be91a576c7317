package hvemu.operations;

import java.util.Objects;

/**
 * The successful answer to an operation: the reply Action and the body.
 *
 * @param action the {@code wsa:Action} of the reply, or null for replies that carry no addressing
 *     headers (Identify)
 * @param body writes the body content
 */
public record Reply(String action, BodyWriter body) {
    public Reply {
        Objects.requireNonNull(body, "body");
    }
}
