package hvemu.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Xml;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.assertj3.XmlAssert;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.ElementSelectors;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;

/** Assertions on the MI client's replies: XPath with the DMTF class namespaces bound, and shapes of captures. */
final class Shapes {
    static final String DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    static final String NAMESPACE = "root/HyperVCluster/v2";
    static final String MSFT = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";

    private Shapes() {
    }

    /** Asserts on XPath values, with {@link Xml#NS} and {@code pool}, {@code job}, {@code svc} (DMTF), {@code xsi}, {@code e} (MSFT_WmiError). */
    static XmlAssert at(String xml) {
        Map<String, String> ns = new HashMap<>(Xml.NS);
        ns.put("pool", DMTF + "Msvm_ResourcePool");
        ns.put("job", DMTF + "Msvm_ConcreteJob");
        ns.put("wjob", WMI + "Msvm_ConcreteJob");
        ns.put("svc", DMTF + "Msvm_ResourcePoolConfigurationService");
        ns.put("xsi", XSI);
        ns.put("e", DMTF + "MSFT_WmiError");
        ns.put("b", "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd");
        return XmlAssert.assertThat(xml).withNamespaceContext(ns);
    }

    /**
     * Asserts that a reply has the shape of a captured Windows reply: the envelope, its headers and the
     * body element compared by namespace and meaning ({@code ${xmlunit.ignore}} in the control for values
     * that are ours), and of the body element's children only those named in {@code children}.
     */
    static void assertShape(String control, String actual, Set<String> children) {
        Diff diff = DiffBuilder.compare(Input.fromString(control)).withTest(Input.fromString(actual))
                .ignoreWhitespace()
                .ignoreComments()
                .checkForSimilar()
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                .withNodeFilter(n -> !isChildOfBodyElement(n) || children.contains(n.getLocalName()))
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default,
                        new PlaceholderDifferenceEvaluator()))
                .build();
        assertThat(diff.hasDifferences()).as("%s%nagainst%n%s", diff, actual).isFalse();
    }

    private static boolean isChildOfBodyElement(Node n) {
        if (!(n instanceof Element) || !(n.getParentNode() instanceof Element parent)) {
            return false;
        }
        Node body = parent.getParentNode();
        return body instanceof Element b && SOAP.equals(b.getNamespaceURI()) && "Body".equals(b.getLocalName());
    }

    /** The EPR children of a device of the default topology in the DMTF style, as the MI client got it. */
    static String device(String cls, String node, String deviceId) {
        return "<a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + DMTF + cls + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"__cimnamespace\">" + NAMESPACE + "</w:Selector>"
                + "<w:Selector Name=\"CreationClassName\">" + cls + "</w:Selector>"
                + "<w:Selector Name=\"DeviceID\">" + deviceId + "</w:Selector>"
                + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"SystemName\">" + node + "</w:Selector></w:SelectorSet></a:ReferenceParameters>";
    }

    /** A logical processor of the default topology. */
    static String processor(int node, int n) {
        return device("Msvm_Processor", "HV-NODE" + node, "Microsoft:B637F347-6A0E-4DEC-AF52-BD70CB80A21D\\0\\" + n);
    }
}
