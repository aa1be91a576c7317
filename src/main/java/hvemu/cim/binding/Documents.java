package hvemu.cim.binding;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

/**
 * Empty DOM documents from a namespace-aware builder kept per thread: making a document builder costs
 * far more than the small documents (references, parameters) built from it. The builder never parses,
 * so DTDs and entities do not arise.
 */
public final class Documents {
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private Documents() {
    }

    /** Returns a new empty document. */
    public static Document newDocument() {
        return BUILDERS.get().newDocument();
    }
}
