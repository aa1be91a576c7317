package hvemu.operations;

import java.util.Objects;

/**
 * One {@code w:Selector} of a request: a name and its text value.
 *
 * <p>Names and values compare case-insensitively where the resource says so (MS-WSMV §3.1.4.1.2); this
 * record keeps them as the client wrote them.
 */
public record Selector(String name, String value) {
    public Selector {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
