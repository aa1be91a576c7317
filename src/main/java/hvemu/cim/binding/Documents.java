package hvemu.cim.binding;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM documents from namespace-aware builders kept per thread: making a document builder costs far
 * more than the small documents (references, parameters) built from it.
 *
 * <p>{@link #newDocument()} builds; it never parses, so DTDs and entities do not arise.
 * {@link #parse(String)} parses text that came from a client (an embedded instance in a parameter) with a
 * builder that refuses any DOCTYPE, so no entity is expanded and nothing is fetched (XXE), and never
 * writes parse errors to the standard streams.
 */
public final class Documents {
    /** Fails on errors instead of printing them, as the JDK's default handler does. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings change nothing
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> builder(false));
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(() -> builder(true));

    private Documents() {
    }

    /** Returns a new empty document. */
    public static Document newDocument() {
        return BUILDERS.get().newDocument();
    }

    /**
     * Parses a document from text.
     *
     * @throws SAXException when the text is not well-formed XML or declares a DOCTYPE; the message says
     *     where
     */
    public static Document parse(String text) throws SAXException {
        DocumentBuilder parser = PARSERS.get();
        try {
            return parser.parse(new InputSource(new StringReader(text)));
        } catch (IOException e) {
            throw new SAXException("the text cannot be read: " + e.getMessage(), e);
        } finally {
            parser.reset();
            parser.setErrorHandler(SILENT);
        }
    }

    private static DocumentBuilder builder(boolean parsing) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            if (parsing) {
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                factory.setXIncludeAware(false);
                factory.setExpandEntityReferences(false);
            }
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
