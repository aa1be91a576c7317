package hvemu.testsupport;

import java.util.Map;
import org.xmlunit.assertj3.XmlAssert;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.ElementSelectors;
import org.xmlunit.placeholder.PlaceholderDifferenceEvaluator;

/** XMLUnit helpers: comparison by namespace and meaning, and XPath with WS-Man's usual prefixes. */
public final class Xml {
    /** Prefixes for XPath in tests; they need not match the ones on the wire. */
    public static final Map<String, String> NS = Map.ofEntries(
            Map.entry("s", "http://www.w3.org/2003/05/soap-envelope"),
            Map.entry("a", "http://schemas.xmlsoap.org/ws/2004/08/addressing"),
            Map.entry("wsa10", "http://www.w3.org/2005/08/addressing"),
            Map.entry("w", "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"),
            Map.entry("p", "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"),
            Map.entry("n", "http://schemas.xmlsoap.org/ws/2004/09/enumeration"),
            Map.entry("x", "http://schemas.xmlsoap.org/ws/2004/09/transfer"),
            Map.entry("f", "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault"),
            Map.entry("wsmid", "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"));

    private Xml() {
    }

    /** Asserts on XPath values of a document, with {@link #NS} bound. */
    public static XmlAssert at(String xml) {
        return XmlAssert.assertThat(xml).withNamespaceContext(NS);
    }

    /**
     * Asserts that {@code actual} means what {@code control} means: prefixes, whitespace between
     * elements and comments aside; {@code ${xmlunit.*}} placeholders in the control match volatile values.
     */
    public static void assertSimilar(String control, String actual) {
        XmlAssert.assertThat(actual).and(control)
                .ignoreWhitespace()
                .ignoreComments()
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default,
                        new PlaceholderDifferenceEvaluator()))
                .areSimilar();
    }
}
