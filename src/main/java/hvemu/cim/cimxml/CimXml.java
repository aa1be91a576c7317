package hvemu.cim.cimxml;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.schema.Schema;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** TEMPORARY stand-in until the jobs branch lands its codec. */
public final class CimXml {
    private CimXml() {
    }

    public static CimInstance read(Schema schema, String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
            CimClass cls = schema.find(root.getAttribute("CLASSNAME")).orElseThrow(
                    () -> new IllegalArgumentException("no class " + root.getAttribute("CLASSNAME")));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element p) {
                    CimProperty prop = cls.property(p.getAttribute("NAME")).orElseThrow(
                            () -> new IllegalArgumentException("no property " + p.getAttribute("NAME")));
                    List<Object> items = new ArrayList<>();
                    var vs = p.getElementsByTagName("VALUE");
                    for (int i = 0; i < vs.getLength(); i++) {
                        items.add(prop.type().parse(vs.item(i).getTextContent()));
                    }
                    values.put(prop.name(), prop.array() ? items : items.isEmpty() ? null : items.get(0));
                }
            }
            return CimInstance.of(cls.name(), values);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
