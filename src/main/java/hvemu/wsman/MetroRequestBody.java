package hvemu.wsman;

import com.sun.xml.ws.api.message.Message;
import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import hvemu.operations.RequestBody;
import hvemu.operations.XmlBindings;
import jakarta.xml.bind.JAXBException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The body of a Metro request message, bound on demand with the generated JAXB classes. */
final class MetroRequestBody implements RequestBody {
    private static final XmlBindings BINDINGS = XmlBindings.of(
            hvemu.wsman.binding.wsman.ObjectFactory.class, hvemu.wsman.binding.addressing.ObjectFactory.class,
            hvemu.wsman.binding.enumeration.ObjectFactory.class, hvemu.wsman.binding.transfer.ObjectFactory.class,
            hvemu.wsman.binding.identity.ObjectFactory.class, hvemu.wsman.binding.cimbinding.ObjectFactory.class,
            hvemu.cim.binding.ObjectFactory.class, hvemu.wsman.binding.msft.ObjectFactory.class);

    private final Message message;
    private final QName element;
    private boolean read;

    MetroRequestBody(Message message) {
        this.message = message;
        this.element = message.hasPayload()
                ? new QName(message.getPayloadNamespaceURI(), message.getPayloadLocalPart())
                : null;
    }

    @Override
    public QName element() {
        return element;
    }

    @Override
    public <T> T as(Class<T> type) throws OperationException {
        return read(in -> {
            try {
                return BINDINGS.unmarshal(in, type);
            } catch (JAXBException e) {
                throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                        "The element " + element.getLocalPart() + " in the body cannot be read: " + Prolog.describe(e));
            }
        });
    }

    @Override
    public <T> T read(BodyReader<T> reader) throws OperationException {
        if (element == null) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR, "The request body is empty.");
        }
        if (read) {
            throw new IllegalStateException("the body has been read");
        }
        read = true;
        try {
            XMLStreamReader in = message.readPayload();
            T value = reader.read(in);
            drainRest(in);
            return value;
        } catch (XMLStreamException | RuntimeException e) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The element " + element.getLocalPart() + " in the body cannot be read: " + Prolog.describe(e));
        }
    }

    /**
     * Reads the rest of the request, so that XML that is not well-formed is found before an operation
     * acts on it. Does nothing when the body has been read or is empty.
     *
     * @throws OperationException {@code w:SchemaValidationError} when the XML is not well-formed
     */
    void drain() throws OperationException {
        if (read || element == null) {
            return;
        }
        read = true;
        try {
            drainRest(message.readPayload());
        } catch (XMLStreamException | RuntimeException e) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The SOAP body is not well-formed XML: " + Prolog.describe(e));
        }
    }

    private static void drainRest(XMLStreamReader in) throws XMLStreamException {
        while (in.hasNext()) {
            in.next();
        }
    }
}
