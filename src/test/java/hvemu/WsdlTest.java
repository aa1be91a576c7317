package hvemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The WSDL in wsdl/ binds exactly the Actions the dispatcher routes, so the two cannot drift. */
class WsdlTest {
    private static final String SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";

    @Test
    void bindsEveryRoutedAction() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document wsdl = factory.newDocumentBuilder().parse(Path.of("wsdl/hvemu.wsdl").toFile());
        NodeList operations = wsdl.getElementsByTagNameNS(SOAP12, "operation");
        Set<String> bound = new HashSet<>();
        for (int i = 0; i < operations.getLength(); i++) {
            String action = ((org.w3c.dom.Element) operations.item(i)).getAttribute("soapAction");
            if (!action.isEmpty()) {
                bound.add(action);
            }
        }
        Set<String> routed = Emulator.builder().port(0).build().routes();
        assertThat(bound).containsExactlyInAnyOrderElementsOf(routed);
    }
}
