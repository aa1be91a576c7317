package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.cim.CimClass;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.testsupport.CimXmlClasses;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/**
 * Enumeration of class declarations as {@code Get-CimClass} without a class name asks for it: an
 * Enumerate of the cim-xml resource with an empty {@code ClassName} (the captured GetClass headers, as
 * climbe recorded a Windows client's: same selectors and options, Action Enumerate, OptimizeEnumeration
 * and MaxElements 32000), then Pulls; and the faults of what class enumeration does not take.
 */
class ClassEnumerationIT {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static final String CIM_XML = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";
    private static final String OPTIMIZED = "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    /** The captured GetClass request made an Enumerate of {@code className} ("" for all) with the given body. */
    private static String enumerate(String className, String body) {
        return Fixtures.shared("mi-client-getclass-request.xml").replace("root/cimv2", "root/HyperVCluster/v2")
                .replace("CIM_VLANEndpoint", className)
                .replace("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", N + "/Enumerate")
                .replaceFirst("<s:Body>\\s*</s:Body>", "<s:Body><n:Enumerate xmlns:n=\"" + N + "\">" + body
                        + "</n:Enumerate></s:Body>");
    }

    /** A plain Enumerate of the cim-xml resource with a SelectorSet of the given content, and no options. */
    private static String plainEnumerate(String selectors, String body) {
        return Envelopes.request(N + "/Enumerate", "", "<n:Enumerate xmlns:n=\"" + N + "\">" + body + "</n:Enumerate>")
                .replace(Envelopes.JOB_URI, CIM_XML)
                .replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "<w:SelectorSet>" + selectors + "</w:SelectorSet>");
    }

    private static String pull(String context, String maxElements) {
        return Envelopes.request(N + "/Pull", "", "<n:Pull xmlns:n=\"" + N + "\"><n:EnumerationContext>" + context
                + "</n:EnumerationContext><n:MaxElements>" + maxElements + "</n:MaxElements></n:Pull>")
                .replace(Envelopes.JOB_URI, CIM_XML).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
    }

    private static HttpExchange ok(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static String context(HttpExchange reply) {
        List<String> c = reply.texts("//*[local-name()='EnumerationContext']");
        return c.isEmpty() || c.get(0).isEmpty() ? null : c.get(0);
    }

    /** Pulls to the end from a reply, checking every item; returns the class names in order. */
    private static List<String> drain(HttpExchange first, String maxElements) {
        List<String> names = new ArrayList<>();
        HttpExchange reply = first;
        while (true) {
            for (Element cls : CimXmlClasses.in(reply.body())) {
                CimXmlClasses.assertValid(cls);
                names.add(cls.getAttribute("NAME"));
            }
            String context = context(reply);
            if (context == null) {
                return names;
            }
            reply = ok(pull(context, maxElements));
            Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(N + "/PullResponse");
        }
    }

    private static List<String> schemaClasses() {
        return MofLoader.schema(MofSource.classpath(MofLoader.SCHEMA)).classes().stream().map(CimClass::name).toList();
    }

    @Test
    void enumeratesEveryClassAsGetCimClassAsks() {
        HttpExchange first = ok(enumerate("", OPTIMIZED));
        Xml.at(first.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(N + "/EnumerateResponse");
        Xml.at(first.body()).nodesByXPath("//n:EnumerateResponse/w:Items/CLASS").exist();
        // Every item is a CLASS in Items, as the options of the capture ask: qualifiers and derivation.
        Xml.at(first.body()).nodesByXPath("//w:Items/*[local-name() != 'CLASS']").doNotExist();
        Xml.at(first.body()).valueByXPath("//w:Items/CLASS[@NAME='CIM_LogicalElement']/@DERIVATION")
                .isEqualTo("CIM_ManagedSystemElement,CIM_ManagedElement");
        Xml.at(first.body()).nodesByXPath("//w:Items/CLASS[@SUPERCLASS and not(@DERIVATION)]").doNotExist();
        Xml.at(first.body()).nodesByXPath("//w:Items/CLASS/QUALIFIER").exist();
        assertThat(first.body().length()).as("the first batch fits the 512000-byte envelope").isLessThanOrEqualTo(512000);
        List<String> names = drain(first, "32000");
        assertThat(names).as("every class once, superclasses first").containsExactlyElementsOf(schemaClasses());
    }

    @Test
    void pagesThroughTheClassesWithContextsAndPulls() {
        HttpExchange first = ok(enumerate("", ""));
        Xml.at(first.body()).nodesByXPath("//w:Items").doNotExist();
        Set<String> contexts = new HashSet<>();
        List<String> names = new ArrayList<>();
        String context = context(first);
        while (context != null) {
            assertThat(contexts.add(context)).as("a fresh context on every reply").isTrue();
            HttpExchange reply = ok(pull(context, "10"));
            List<Element> batch = CimXmlClasses.in(reply.body());
            assertThat(batch).hasSizeBetween(1, 10);
            batch.forEach(c -> names.add(c.getAttribute("NAME")));
            context = context(reply);
            if (context == null) {
                Xml.at(reply.body()).nodesByXPath("//n:PullResponse/n:EndOfSequence").exist();
            }
        }
        assertThat(names).containsExactlyElementsOf(schemaClasses());
    }

    @Test
    void writesDeclarationsAsWindowsDoesWithoutOptions() {
        HttpExchange reply = ok(plainEnumerate("<w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>",
                "<w:OptimizeEnumeration/><w:MaxElements>5</w:MaxElements>"));
        assertThat(CimXmlClasses.in(reply.body())).hasSize(5);
        Xml.at(reply.body()).nodesByXPath("//QUALIFIER | //@DERIVATION").doNotExist();
        Xml.at(reply.body()).nodesByXPath("//CLASS[@SUPERCLASS]/PROPERTY[@PROPAGATED='true']").exist();
    }

    @Test
    void narrowsToTheClassesDerivedFromClassName() {
        List<String> names = drain(ok(enumerate("CIM_ResourcePool", OPTIMIZED)), "32000");
        assertThat(names).containsExactlyInAnyOrder("Msvm_ResourcePool", "Msvm_ProcessorPool");
    }

    @Test
    void releasesAClassEnumeration() {
        String context = context(ok(enumerate("", "")));
        HttpExchange released = ok(Envelopes.request(N + "/Release", "", "<n:Release xmlns:n=\"" + N
                + "\"><n:EnumerationContext>" + context + "</n:EnumerationContext></n:Release>")
                .replace(Envelopes.JOB_URI, CIM_XML).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", ""));
        Xml.at(released.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(N + "/ReleaseResponse");
        HttpExchange gone = emulator.client().post(pull(context, "10"));
        assertThat(gone.status()).isEqualTo(500);
        Xml.at(gone.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("n:InvalidEnumerationContext");
    }

    @Test
    void refusesEnumerationModesAndFilters() {
        assertFault(enumerate("", OPTIMIZED + "<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode>"),
                "w:UnsupportedFeature", "have no endpoint references");
        assertFault(enumerate("", OPTIMIZED + "<w:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">"
                + "SELECT * FROM meta_class</w:Filter>"), "n:CannotProcessFilter", "without a filter");
    }

    @Test
    void answersUnknownClassesAndNamespacesWithDestinationUnreachable() {
        assertFault(enumerate("Msvm_NoSuchClass", OPTIMIZED), "a:DestinationUnreachable",
                "class Msvm_NoSuchClass does not exist");
        assertFault(enumerate("", OPTIMIZED).replace("root/HyperVCluster/v2", "root/cimv2"), "a:DestinationUnreachable",
                "namespace root/cimv2 does not exist");
    }

    private static void assertFault(String request, String subcode, String message) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo(subcode);
        Xml.at(reply.body()).valueByXPath(GetClassIT.fromMiClient(request)
                ? "//s:Detail/*[local-name()='MSFT_WmiError']/*[local-name()='Message']" : "//f:WSManFault/f:Message")
                .contains(message);
    }
}
