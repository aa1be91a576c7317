package hvemu.wsman;

import hvemu.operations.Namespaces;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells whether a request body is a WS-Man Identify: a SOAP 1.2 envelope whose body's first element
 * is {@code wsmid:Identify}. Used to let an unauthenticated Identify through and nothing else.
 *
 * <p>The reader supports no DTD and no external entity; a document with a DOCTYPE is not an Identify.
 */
public final class IdentifyProbe {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private IdentifyProbe() {
    }

    /** Returns true when the body is an Identify request. */
    public static boolean isIdentify(byte[] body) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            boolean inBody = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    return false;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String ns = r.getNamespaceURI();
                String local = r.getLocalName();
                if (depth == 1 && !(Namespaces.SOAP.equals(ns) && "Envelope".equals(local))) {
                    return false;
                }
                if (depth == 2) {
                    inBody = Namespaces.SOAP.equals(ns) && "Body".equals(local);
                } else if (depth == 3 && inBody) {
                    return Namespaces.IDENTITY.equals(ns) && "Identify".equals(local);
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }
}
