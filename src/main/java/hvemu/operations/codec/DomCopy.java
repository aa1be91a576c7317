package hvemu.operations.codec;

import hvemu.cim.binding.Documents;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Copies the element a stream reader is on, with its subtree, into a new DOM document. */
public final class DomCopy {
    private DomCopy() {
    }

    /** Returns a copy of the element; the reader ends on its end tag. */
    public static Element copy(XMLStreamReader in) throws XMLStreamException {
        Document doc = Documents.newDocument();
        Node parent = doc;
        Element root = null;
        int depth = 0;
        do {
            switch (in.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element e = doc.createElementNS(in.getNamespaceURI(), qualified(in.getPrefix(), in.getLocalName()));
                    for (int i = 0; i < in.getNamespaceCount(); i++) {
                        String p = in.getNamespacePrefix(i);
                        e.setAttributeNS("http://www.w3.org/2000/xmlns/", p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p,
                                in.getNamespaceURI(i) == null ? "" : in.getNamespaceURI(i));
                    }
                    for (int i = 0; i < in.getAttributeCount(); i++) {
                        String ns = in.getAttributeNamespace(i);
                        e.setAttributeNS(ns == null || ns.isEmpty() ? null : ns,
                                qualified(in.getAttributePrefix(i), in.getAttributeLocalName(i)), in.getAttributeValue(i));
                    }
                    parent.appendChild(e);
                    parent = e;
                    root = root == null ? e : root;
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    parent = parent.getParentNode();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        parent.appendChild(doc.createTextNode(in.getText()));
                default -> { }
            }
            if (depth > 0) {
                in.next();
            }
        } while (depth > 0);
        return root;
    }

    /** Returns a new empty element: the INPUT of a call that sent no body. */
    public static Element empty(String localName, String namespace) {
        Document doc = Documents.newDocument();
        Element e = doc.createElementNS(namespace, "p:" + localName);
        doc.appendChild(e);
        return e;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
}
