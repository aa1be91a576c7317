package hvemu.operations;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JAXB context over a few generated binding packages, with a marshaller and an unmarshaller per
 * thread.
 *
 * <p>JAXB declares every namespace of its context on the root of each fragment it writes, so contexts
 * are kept small: one per kind of message part (Identify, faults, headers), not one for all bindings.
 * Instances are thread-safe.
 */
public final class XmlBindings {
    private final JAXBContext context;
    private final ThreadLocal<Marshaller> marshallers;
    private final ThreadLocal<Unmarshaller> unmarshallers;

    private XmlBindings(JAXBContext context) {
        this.context = context;
        this.marshallers = ThreadLocal.withInitial(this::newMarshaller);
        this.unmarshallers = ThreadLocal.withInitial(this::newUnmarshaller);
    }

    /**
     * Returns bindings over the packages of the given classes (typically their ObjectFactory classes).
     *
     * @throws IllegalStateException when the generated bindings cannot be loaded, which is a build defect
     */
    public static XmlBindings of(Class<?>... classes) {
        try {
            return new XmlBindings(JAXBContext.newInstance(classes));
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB bindings cannot be loaded", e);
        }
    }

    /** Returns a body writer that marshals the given element. */
    public BodyWriter writer(Object element) {
        return out -> marshal(element, out);
    }

    /** Marshals an element (a root-element class or a JAXBElement) as a fragment of {@code out}. */
    public void marshal(Object element, XMLStreamWriter out) throws XMLStreamException {
        try {
            marshallers.get().marshal(element, out);
        } catch (JAXBException e) {
            throw new XMLStreamException("cannot write " + element.getClass().getSimpleName(), e);
        }
    }

    /** Unmarshals the element the reader is positioned on as the given type. */
    public <T> T unmarshal(XMLStreamReader in, Class<T> type) throws JAXBException {
        return unmarshallers.get().unmarshal(in, type).getValue();
    }

    private Marshaller newMarshaller() {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB marshaller cannot be created", e);
        }
    }

    private Unmarshaller newUnmarshaller() {
        try {
            return context.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB unmarshaller cannot be created", e);
        }
    }
}
