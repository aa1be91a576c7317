package hvemu.wsman;

import hvemu.operations.Namespaces;
import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.HeaderList;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.MessageHeaders;
import com.sun.xml.ws.spi.db.XMLBridge;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;

/**
 * A reply as a Metro message that streams its {@link ReplyEnvelope} straight to the HTTP response.
 *
 * <p>Metro writes a reply by calling {@link #writeTo(XMLStreamWriter)}; no document is built. The other
 * views Metro's API requires (sources, SAAJ, JAXB) render the envelope to bytes first; Metro uses
 * them only for message dumps. A reply is immutable, so {@link #copy()} shares it.
 */
final class ReplyMessage extends Message {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final ReplyEnvelope envelope;
    private final boolean fault;

    ReplyMessage(ReplyEnvelope envelope, boolean fault) {
        this.envelope = envelope;
        this.fault = fault;
    }

    @Override
    public boolean isFault() {
        return fault;
    }

    @Override
    public SOAPVersion getSOAPVersion() {
        return SOAPVersion.SOAP_12;
    }

    @Override
    public boolean hasHeaders() {
        return false;
    }

    @Override
    public MessageHeaders getHeaders() {
        return new HeaderList(SOAPVersion.SOAP_12);
    }

    @Override
    public String getPayloadLocalPart() {
        return fault ? "Fault" : null;
    }

    @Override
    public String getPayloadNamespaceURI() {
        return fault ? Namespaces.SOAP : null;
    }

    @Override
    public boolean hasPayload() {
        return true;
    }

    @Override
    public void writeTo(XMLStreamWriter out) throws XMLStreamException {
        envelope.writeTo(out);
        out.flush();
    }

    @Override
    public void writePayloadTo(XMLStreamWriter out) throws XMLStreamException {
        envelope.body().writeTo(out);
    }

    @Override
    public void writeTo(ContentHandler contentHandler, ErrorHandler errorHandler) throws SAXException {
        try {
            TransformerFactory.newInstance().newTransformer()
                    .transform(readEnvelopeAsSource(), new SAXResult(contentHandler));
        } catch (TransformerException e) {
            throw new SAXException(e);
        }
    }

    @Override
    public Source readEnvelopeAsSource() {
        return new StreamSource(new ByteArrayInputStream(render(true)));
    }

    @Override
    public Source readPayloadAsSource() {
        return new StreamSource(new ByteArrayInputStream(render(false)));
    }

    @Override
    public SOAPMessage readAsSOAPMessage() throws SOAPException {
        try {
            return MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL)
                    .createMessage(new MimeHeaders(), new ByteArrayInputStream(render(true)));
        } catch (IOException e) {
            throw new SOAPException(e);
        }
    }

    @Override
    public <T> T readPayloadAsJAXB(Unmarshaller unmarshaller) throws JAXBException {
        @SuppressWarnings("unchecked")
        T value = (T) unmarshaller.unmarshal(readPayloadAsSource());
        return value;
    }

    @Override
    public <T> T readPayloadAsJAXB(XMLBridge<T> bridge) throws JAXBException {
        return bridge.unmarshal(readPayloadAsSource(), null);
    }

    @Override
    public XMLStreamReader readPayload() throws XMLStreamException {
        return javax.xml.stream.XMLInputFactory.newFactory()
                .createXMLStreamReader(new ByteArrayInputStream(render(false)));
    }

    @Override
    public Message copy() {
        return new ReplyMessage(envelope, fault);
    }

    private byte[] render(boolean whole) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            if (whole) {
                envelope.writeTo(out);
            } else {
                envelope.body().writeTo(out);
            }
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("reply cannot be rendered", e);
        }
        return bytes.toByteArray();
    }
}
