package hvemu.operations.codec;

import hvemu.cim.ObjectPath;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import hvemu.operations.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an endpoint reference given as the children of an element (a REF parameter, wire.md §3.4) into
 * an object path: the class from its resource URI, the keys from its selectors, as text.
 *
 * <p>An EPR that names no class of the served namespace becomes a path of class "" so that the method
 * can answer with its own code (5 Invalid Parameter), as DSP0226 lets methods judge their arguments.
 */
final class EprReader {
    private EprReader() {
    }

    /** Reads the EPR children of the element the reader is on, to its end tag. */
    static ObjectPath read(XMLStreamReader in, String namespace) throws XMLStreamException {
        String resourceUri = null;
        List<Selector> selectors = new ArrayList<>();
        int depth = 1;
        String selectorName = null;
        StringBuilder text = new StringBuilder();
        while (depth > 0) {
            int event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = in.getLocalName();
                if (local.equals("Selector") && Namespaces.WSMAN.equals(in.getNamespaceURI())) {
                    selectorName = in.getAttributeValue(null, "Name");
                    text.setLength(0);
                } else if (local.equals("ResourceURI") && Namespaces.WSMAN.equals(in.getNamespaceURI())) {
                    resourceUri = in.getElementText().trim();
                    depth--;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (selectorName != null) {
                    text.append(in.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (selectorName != null && in.getLocalName().equals("Selector")) {
                    selectors.add(new Selector(selectorName, text.toString().trim()));
                    selectorName = null;
                }
            }
        }
        return toPath(resourceUri, selectors, namespace);
    }

    private static ObjectPath toPath(String resourceUri, List<Selector> selectors, String namespace) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Selector s : selectors) {
            if (!s.name().equalsIgnoreCase(ResourceUri.CIM_NAMESPACE)) {
                keys.put(s.name(), s.value());
            }
        }
        String className = "";
        try {
            ResourceUri uri = ResourceUri.parse(resourceUri, selectors);
            if (uri.isIn(namespace)) {
                className = uri.className();
            }
        } catch (OperationException e) {
            // not a class of the served namespace: class ""
        }
        return ObjectPath.of(namespace, className, keys);
    }
}
