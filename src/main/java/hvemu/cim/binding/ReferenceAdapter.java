package hvemu.cim.binding;

import hvemu.cim.ObjectPath;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.util.Objects;
import java.util.function.Function;

/**
 * Carries the REF fields of typed bindings between their EPR children and {@link ObjectPath}. How an
 * EPR reads and writes depends on the request (its namespace and URI style), so an instance made with
 * both conversions must be set on each (un)marshaller; the default instance refuses to work.
 */
public final class ReferenceAdapter extends XmlAdapter<ReferenceElements, ObjectPath> {
    private final Function<ReferenceElements, ObjectPath> reader;
    private final Function<ObjectPath, ReferenceElements> writer;

    /** The instance JAXB would make on its own; it fails, so a missing setAdapter is found at once. */
    public ReferenceAdapter() {
        this(e -> {
            throw new IllegalStateException("no ReferenceAdapter was set on the unmarshaller");
        }, p -> {
            throw new IllegalStateException("no ReferenceAdapter was set on the marshaller");
        });
    }

    public ReferenceAdapter(Function<ReferenceElements, ObjectPath> reader, Function<ObjectPath, ReferenceElements> writer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public ObjectPath unmarshal(ReferenceElements xml) {
        return xml == null ? null : reader.apply(xml);
    }

    @Override
    public ReferenceElements marshal(ObjectPath path) {
        return path == null ? null : writer.apply(path);
    }
}
