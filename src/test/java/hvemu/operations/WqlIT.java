package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Node;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/**
 * WQL and CQL filters of Enumerate (wire.md §3.3): the queries libvirt, txwinrm and PowerShell send,
 * through the endpoint, against the default cluster.
 */
class WqlIT {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static final String WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    private static final String CQL = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    private static final String ALL = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/*";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.immediate()));

    /** An optimized Enumerate of everything the query selects, as txwinrm and PowerShell send it. */
    private static String query(String uri, String dialect, String query) {
        return enumerate(uri, "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"
                + "<w:Filter Dialect=\"" + dialect + "\">" + escape(query) + "</w:Filter>");
    }

    private static String enumerate(String uri, String body) {
        return Envelopes.request(N + "/Enumerate", "", "<n:Enumerate xmlns:n=\"" + N + "\">" + body + "</n:Enumerate>")
                .replace(Envelopes.JOB_URI, uri).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
    }

    private static String pull(String context) {
        return Envelopes.request(N + "/Pull", "", "<n:Pull xmlns:n=\"" + N + "\"><n:EnumerationContext>" + context
                + "</n:EnumerationContext></n:Pull>").replace(Envelopes.JOB_URI, ALL)
                .replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static HttpExchange ok(String request) {
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static List<String> items(HttpExchange reply) {
        List<String> out = new ArrayList<>();
        new JAXPXPathEngine().selectNodes("//*[local-name()='Items']/*", Input.fromString(reply.body()).build())
                .forEach(n -> out.add(n.getLocalName()));
        return out;
    }

    private static void assertCannotProcess(HttpExchange reply, String messagePart) {
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo("n:CannotProcessFilter");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo("2150858778");
        assertThat(reply.body()).contains(messagePart);
    }

    @Test
    void followsLibvirtFromTheJobToThePool() {
        HttpExchange created = emulator.client().post(Pools.create("Libvirt", "17", Pools.disk(1, 4)));
        assertThat(Pools.returnValue(created)).isEqualTo(4096);
        String jobId = Pools.selector(created, "Job", "InstanceID");
        // libvirt: no OptimizeEnumeration, no MaxElements, double or single quotes; then Pull without MaxElements.
        HttpExchange context = ok(enumerate(ALL, "<w:Filter Dialect=\"" + WQL + "\">SELECT * FROM Msvm_ConcreteJob "
                + "WHERE InstanceID = \"" + jobId + "\"</w:Filter>"));
        Xml.at(context.body()).nodesByXPath("//n:EnumerateResponse/w:Items").doNotExist();
        HttpExchange job = ok(pull(context.texts("//*[local-name()='EnumerationContext']").get(0)));
        Xml.at(job.body()).nodesByXPath("//n:PullResponse/n:Items/*").hasSize(1);
        Xml.at(job.body()).nodesByXPath("//n:PullResponse/n:EndOfSequence").exist();
        Xml.at(job.body()).nodesByXPath("//n:PullResponse/n:EnumerationContext").doNotExist();
        Xml.at(job.body()).nodesByXPath("//n:Items/*[local-name()='Msvm_ConcreteJob' and namespace-uri()='"
                + Pools.WMI + "Msvm_ConcreteJob']").hasSize(1);
        assertThat(job.texts("//*[local-name()='JobState']")).containsExactly("7");
        assertThat(job.texts("//*[local-name()='InstanceID']")).containsExactly(jobId);

        HttpExchange pool = ok(query(ALL, WQL, "ASSOCIATORS OF {Msvm_ConcreteJob.InstanceID='" + jobId + "'} "
                + "WHERE AssocClass = Msvm_AffectedJobElement ResultClass = Msvm_ResourcePool"));
        assertThat(items(pool)).containsExactly("Msvm_ResourcePool");
        assertThat(pool.texts("//*[local-name()='ElementName']")).containsExactly("Libvirt");
        assertThat(pool.texts("//*[local-name()='InstanceID']"))
                .containsExactly(Pools.selector(created, "Pool", "InstanceID"));

        HttpExchange references = ok(query(ALL, WQL, "REFERENCES OF {Msvm_ConcreteJob.InstanceID=\"" + jobId + "\"} "
                + "WHERE ResultClass = CIM_AffectedJobElement"));
        assertThat(items(references)).containsExactly("Msvm_AffectedJobElement");
    }

    @Test
    void looksUpAJobThroughItsBaseClassWithoutRegardToCase() {
        HttpExchange created = emulator.client().post(Pools.create("BaseClass", "17", Pools.disk(2, 4)));
        String jobId = Pools.selector(created, "Job", "InstanceID");
        HttpExchange job = ok(query(ALL, WQL, "select * from cim_concretejob where instanceid = '"
                + jobId.toLowerCase(java.util.Locale.ROOT) + "'"));
        assertThat(items(job)).containsExactly("Msvm_ConcreteJob");
        HttpExchange none = ok(query(ALL, WQL, "SELECT * FROM Msvm_ConcreteJob WHERE InstanceID = '" + jobId
                + "' AND JobState <> 7"));
        assertThat(items(none)).isEmpty();
        Xml.at(none.body()).nodesByXPath("//n:EnumerateResponse/w:EndOfSequence").exist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM Msvm_ComputerSystem                                                    | 3
            SELECT * FROM CIM_System                                                             | 3
            SELECT * FROM Msvm_ComputerSystem WHERE Name = 'hv-node1'                            | 1
            SELECT * FROM Msvm_ComputerSystem WHERE Name <> "HV-NODE1"                           | 2
            SELECT * FROM Msvm_ComputerSystem WHERE NumberOfNumaNodes IS NULL                    | 1
            SELECT * FROM Msvm_ComputerSystem WHERE NumberOfNumaNodes IS NOT NULL                | 2
            SELECT * FROM Msvm_ComputerSystem WHERE NumberOfNumaNodes >= 2 AND Name LIKE 'HV-%1' | 1
            SELECT * FROM Msvm_ComputerSystem WHERE NumberOfNumaNodes = '2'                      | 2
            SELECT * FROM Msvm_ComputerSystem WHERE NOT (Name LIKE 'HV-NODE_')                  | 1
            SELECT * FROM Msvm_ComputerSystem WHERE Name LIKE 'HV-NODE[^2]'                      | 1
            SELECT * FROM Msvm_ComputerSystem WHERE Name NOT LIKE '%node%'                       | 1
            SELECT * FROM Msvm_ComputerSystem WHERE Name = 'HVCLU01' OR Name = 'HV-NODE2'        | 2
            SELECT * FROM Msvm_Processor WHERE SystemName = 'HV-NODE1'                           | 16
            SELECT * FROM CIM_LogicalDevice WHERE __CLASS = 'Msvm_Memory'                        | 4
            SELECT * FROM CIM_LogicalDevice WHERE __CLASS ISA 'CIM_MediaAccessDevice'            | 6
            SELECT * FROM CIM_ResourcePool WHERE Primordial = TRUE AND ResourceType = 3          | 2
            SELECT * FROM CIM_ResourcePool WHERE Primordial = 1 AND ResourceType < 5             | 4
            SELECT * FROM Msvm_ComputerSystem WHERE Name = 'HV-NODE1' AND Name = 'HV-NODE2'      | 0
            """)
    void selectsWhatTheConditionSays(String query, int count) {
        HttpExchange reply = ok(query(ALL, WQL, query));
        assertThat(items(reply)).as(reply.body()).hasSize(count);
    }

    @Test
    void projectsTheSelectedPropertiesAsXmlFragments() throws Exception {
        HttpExchange reply = ok(query(ALL, WQL,
                "SELECT NumberOfNumaNodes, Name, name, ElementName FROM Msvm_ComputerSystem WHERE Name = 'HV-NODE1'"));
        Node fragment = new JAXPXPathEngine().selectNodes("//*[local-name()='Items']/*",
                Input.fromString(reply.body()).build()).iterator().next();
        Xml.assertSimilar("<w:XmlFragment xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                + "<ElementName>HV-NODE1</ElementName><Name>HV-NODE1</Name><NumberOfNumaNodes>2</NumberOfNumaNodes>"
                + "</w:XmlFragment>", serialize(fragment));
        HttpExchange nil = ok(query(ALL, WQL, "SELECT NumberOfNumaNodes FROM Msvm_ComputerSystem WHERE Name = 'HVCLU01'"));
        Xml.at(nil.body()).nodesByXPath("//w:Items/w:XmlFragment/NumberOfNumaNodes[@*[local-name()='nil']='true']").hasSize(1);
    }

    @Test
    void projectsWithEndpointReferencesInObjectAndEprMode() {
        HttpExchange reply = ok(enumerate(ALL, "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"
                + "<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode><w:Filter Dialect=\"" + WQL + "\">"
                + "SELECT Name FROM Msvm_ComputerSystem</w:Filter>"));
        Xml.at(reply.body()).nodesByXPath("//w:Items/w:Item/w:XmlFragment/Name").hasSize(3);
        Xml.at(reply.body()).nodesByXPath("//w:Items/w:Item/a:EndpointReference//w:Selector[@Name='Name']").hasSize(3);
    }

    @Test
    void answersPowerShellQueriesOnTheDmtfWildcard() {
        String uri = "http://schemas.dmtf.org/wbem/wscim/1/*";
        String request = query(uri, WQL, "SELECT * FROM Msvm_ComputerSystem WHERE Name = 'HVCLU01'")
                .replace("<w:OperationTimeout>", "<w:SelectorSet><w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2"
                        + "</w:Selector></w:SelectorSet><w:OperationTimeout>");
        HttpExchange reply = ok(request);
        assertThat(reply.texts("//*[local-name()='Name']")).containsExactly("HVCLU01");
    }

    @Test
    void takesCqlSelectsButNotAssociationQueries() {
        HttpExchange reply = ok(query(ALL, CQL, "SELECT * FROM CIM_ComputerSystem WHERE Name = 'HV-NODE2'"));
        assertThat(items(reply)).containsExactly("Msvm_ComputerSystem");
        assertCannotProcess(emulator.client().post(query(ALL, CQL,
                "ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='HV-NODE1'}")),
                "CQL dialect takes SELECT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM Msvm_NoSuchClass                               | Msvm_NoSuchClass does not exist
            SELECT * FROM Msvm_ComputerSystem WHERE Colour = 'red'      | has no property Colour
            SELECT Colour FROM Msvm_ComputerSystem                      | has no property Colour
            SELECT * FROM Msvm_ComputerSystem WHERE                      | expected a property name
            SELECT * FROM Msvm_ComputerSystem WHERE Name = 'open        | a string is not closed
            SELECT * Msvm_ComputerSystem                                 | expected FROM
            DELETE FROM Msvm_ComputerSystem                              | a query starts with SELECT
            SELECT * FROM Msvm_ComputerSystem WHERE OperationalStatus = 2 | is an array
            SELECT * FROM Msvm_ComputerSystem WHERE NumberOfNumaNodes = 'two' | is not a number
            SELECT * FROM Msvm_ComputerSystem WHERE __CLASS ISA 'Nope'  | ISA names the class Nope
            ASSOCIATORS OF {Msvm_ComputerSystem.Name='HV-NODE1'}         | CreationClassName is missing
            ASSOCIATORS OF {Msvm_Nope.Name='x'}                          | Msvm_Nope, which does not exist
            REFERENCES OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='x'} WHERE Colour = y | the clause Colour is not supported
            """)
    void refusesQueriesItCannotRunWithCannotProcessFilter(String query, String messagePart) {
        assertCannotProcess(emulator.client().post(query(ALL, WQL, query)), messagePart);
        assertThat(items(ok(query(ALL, WQL, "SELECT * FROM Msvm_ComputerSystem")))).as("still serving").hasSize(3);
    }

    @Test
    void refusesAnEmptyQuery() {
        assertCannotProcess(emulator.client().post(enumerate(ALL, "<w:Filter Dialect=\"" + WQL + "\"> </w:Filter>")),
                "The query filter is empty");
    }

    private static String serialize(Node node) throws Exception {
        StringWriter out = new StringWriter();
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.transform(new DOMSource(node), new StreamResult(out));
        return out.toString();
    }
}
