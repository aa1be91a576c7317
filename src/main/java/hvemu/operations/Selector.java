package hvemu.operations;

import java.util.List;
import java.util.Objects;

/**
 * One {@code w:Selector} of a request: a name and its text value, or for a reference key the endpoint
 * reference it holds (DSP0227 §7.2).
 *
 * <p>Names and values compare case-insensitively where the resource says so (MS-WSMV §3.1.4.1.2);
 * this record keeps them as the client wrote them.
 *
 * @param reference the nested endpoint reference, or null for a text value
 */
public record Selector(String name, String value, Reference reference) {
    public Selector {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A selector with a text value. */
    public Selector(String name, String value) {
        this(name, value, null);
    }

    /** An endpoint reference inside a selector: a resource URI and its selectors. */
    public record Reference(String resourceUri, List<Selector> selectors) {
        public Reference {
            selectors = List.copyOf(selectors);
        }
    }
}
