package hvemu.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * CIM-XML class declarations ({@code CLASS} elements, DSP0201) in replies: found by DOM, and checked
 * against the DSP0201 DTD's rules for element order and attributes
 * ({@code src/test/resources/cimxml/dsp0201-class.dtd}). The DTD is read here, in tests, only.
 */
public final class CimXmlClasses {
    private static final String DTD = "cimxml/dsp0201-class.dtd";

    private CimXmlClasses() {
    }

    /** Returns every {@code CLASS} element of a reply (or of CIM-XML text), in document order. */
    public static List<Element> in(String xml) {
        Document doc = parse(xml, false);
        NodeList nodes = doc.getElementsByTagName("CLASS");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNamespaceURI() == null) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    /** Returns an element's XML text. */
    public static String text(Element e) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(out));
            return out.toString();
        } catch (TransformerException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Asserts that a class declaration is valid against the DSP0201 DTD: its elements in the DTD's order,
     * attributes declared and of their enumerated values.
     */
    public static void assertValid(Element cls) {
        assertValid(text(cls));
    }

    /** Asserts that CIM-XML text of one {@code CLASS} is valid against the DSP0201 DTD. */
    public static void assertValid(String classXml) {
        parse("<!DOCTYPE CLASS SYSTEM \"dsp0201-class.dtd\">" + classXml, true);
    }

    private static Document parse(String xml, boolean validate) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(!validate);
            f.setValidating(validate);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                InputSource dtd = new InputSource(new ByteArrayInputStream(
                        Fixtures.resource(DTD).getBytes(StandardCharsets.UTF_8)));
                dtd.setSystemId(systemId);
                return dtd;
            });
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    throw new AssertionError("not valid CIM-XML (DSP0201): " + e.getMessage() + "\n" + xml);
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
