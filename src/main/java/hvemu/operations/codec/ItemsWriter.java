package hvemu.operations.codec;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.operations.Namespaces;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes enumeration items in the three modes of DSP0226 §8.6 (wire.md §3.3): the instance; its
 * {@code wsa:EndpointReference}; or {@code w:Item} holding both, instance first.
 */
public final class ItemsWriter {

    private final Schema schema;
    private final InstanceWriter instances;

    public ItemsWriter(Schema schema) {
        this.schema = schema;
        this.instances = new InstanceWriter(schema);
    }

    /**
     * How the items of an enumeration are written.
     *
     * @param object whether the instance is written
     * @param epr whether its endpoint reference is written
     * @param style the request's resource URI, in whose style class namespaces are rendered
     * @param preciseArrays whether the client asked for {@code msftwinrm:UsePreciseArrays}
     * @param projection the properties to write; null for the whole instance
     * @param fragment whether a projection is written as a WQL projection's {@code w:XmlFragment} rather than
     *        as the class element holding only those properties (DSP0227 {@code IncludeResultProperty})
     */
    public record Shape(boolean object, boolean epr, ResourceUri style, boolean preciseArrays, List<String> projection,
            boolean fragment) {
        public Shape {
            projection = projection == null ? null : List.copyOf(projection);
        }
    }

    /** Writes one item. */
    public void write(XMLStreamWriter out, CimInstance instance, Shape shape) throws XMLStreamException {
        boolean both = shape.object() && shape.epr();
        if (both) {
            out.writeStartElement("w", "Item", Namespaces.WSMAN);
            out.writeNamespace("w", Namespaces.WSMAN);
        }
        if (shape.object() && shape.projection() != null && shape.fragment()) {
            instances.writeFragment(out, instance, shape.projection(), shape.style(), shape.preciseArrays());
        } else if (shape.object()) {
            instances.write(out, instance, shape.projection(), shape.style(), shape.preciseArrays());
        }
        if (shape.epr()) {
            ObjectPath path = MofLoader.pathOf(schema, instance);
            out.writeStartElement("wsa", "EndpointReference", Namespaces.ADDRESSING);
            EprWriter.declare(out);
            EprWriter.writeChildren(out, path, shape.style());
            out.writeEndElement();
        }
        if (both) {
            out.writeEndElement();
        }
    }

    /** Returns how many bytes the item takes in UTF-8. */
    public long size(CimInstance instance, Shape shape) {
        return XmlSize.of(out -> write(out, instance, shape));
    }
}
