package hvemu.wsman;

import hvemu.operations.Namespaces;
import hvemu.operations.BodyWriter;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A reply envelope as Windows WinRM writes it (wire.md §2.2): {@code xml:lang="en-US"} on
 * {@code s:Envelope}, the namespace declarations of the reply's family, and the headers Action,
 * MessageID (a fresh {@code uuid:} in upper case), To (anonymous) and RelatesTo (the request's
 * MessageID verbatim). Identify replies carry no headers at all.
 *
 * @param style which namespaces the envelope declares
 * @param addressing the addressing version of the headers
 * @param action the reply Action, or null for a reply without addressing headers
 * @param messageId the reply's MessageID
 * @param relatesTo the request's MessageID, or null when it had none
 * @param extraHeaders writes further header blocks (s:NotUnderstood), or null
 * @param body writes the body content
 * @param lang whether to write {@code xml:lang="en-US"} on the envelope
 */
record ReplyEnvelope(Style style, AddressingVersion addressing, String action, String messageId, String relatesTo,
        BodyWriter extraHeaders, BodyWriter body, boolean lang) {

    /** The namespace declarations of each family of reply, as Windows writes them. */
    enum Style {
        IDENTIFY(List.of()),
        TRANSFER(List.of("a", "x", "w", "p")),
        ENUMERATION(List.of("a", "n", "w", "p")),
        FAULT(List.of("a", "x", "e", "n", "w", "p"));

        private final List<String> prefixes;

        Style(List<String> prefixes) {
            this.prefixes = prefixes;
        }
    }

    void writeTo(XMLStreamWriter out) throws XMLStreamException {
        out.writeStartElement("s", "Envelope", Namespaces.SOAP);
        out.writeNamespace("s", Namespaces.SOAP);
        if (lang) {
            out.writeAttribute("xml", Namespaces.XML, "lang", "en-US");
        }
        for (String prefix : style.prefixes) {
            out.writeNamespace(prefix, namespaceOf(prefix));
        }
        out.writeStartElement("s", "Header", Namespaces.SOAP);
        if (action != null) {
            String a = addressing.namespace();
            element(out, a, "Action", action);
            element(out, a, "MessageID", messageId);
            element(out, a, "To", addressing.anonymous());
            if (relatesTo != null) {
                element(out, a, "RelatesTo", relatesTo);
            }
        }
        if (extraHeaders != null) {
            extraHeaders.writeTo(out);
        }
        out.writeEndElement();
        out.writeStartElement("s", "Body", Namespaces.SOAP);
        body.writeTo(out);
        out.writeEndElement();
        out.writeEndElement();
    }

    private String namespaceOf(String prefix) {
        return switch (prefix) {
            case "a" -> addressing.namespace();
            case "x" -> Namespaces.TRANSFER;
            case "e" -> Namespaces.EVENTING;
            case "n" -> Namespaces.ENUMERATION;
            case "w" -> Namespaces.WSMAN;
            case "p" -> Namespaces.MSFT;
            default -> throw new IllegalArgumentException(prefix);
        };
    }

    private static void element(XMLStreamWriter out, String ns, String local, String text) throws XMLStreamException {
        out.writeStartElement("a", local, ns);
        out.writeCharacters(text);
        out.writeEndElement();
    }
}
