package hvemu.operations;

import static hvemu.testsupport.Envelopes.PUT;
import static hvemu.testsupport.Envelopes.dmtf;
import static hvemu.testsupport.Envelopes.wmi;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WS-Transfer Put (wire.md §3.5, MS-WSMV §4.1.3) through HTTP: a job's TimeBeforeRemoval and
 * DeleteOnCompletion, a pool's ElementName, the MI client's form, and the faults of a Put the provider
 * refuses or cannot read, after each of which the instance is unchanged (docs/semantics.md).
 */
class PutIT {
    private static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";
    private static final String WSMAN_FAULT = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    private static final String TRANSFER_FAULT = "http://schemas.xmlsoap.org/ws/2004/09/transfer/fault";
    private static final String ADDRESSING_FAULT = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    private static final String PROCESSOR_POOL = "Microsoft:HV-NODE1\\B637F347-6A0E-4DEC-AF52-BD70CB80A21D";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    /** Creates an empty processor pool and completes its job; returns the pool's InstanceID. */
    private static String pool(String name) {
        HttpExchange invoke = emulator.client().post(Pools.create(name, "3"));
        assertThat(Pools.returnValue(invoke)).isEqualTo(4096);
        assertThat(emulator.emulator().jobs().complete(Pools.selector(invoke, "Job", "InstanceID"))).isTrue();
        return Pools.selector(invoke, "Pool", "InstanceID");
    }

    /** Submits a pool's job and leaves it New; returns the job's InstanceID. */
    private static String newJob(String name) {
        HttpExchange invoke = emulator.client().post(Pools.create(name, "3"));
        assertThat(Pools.returnValue(invoke)).isEqualTo(4096);
        return Pools.selector(invoke, "Job", "InstanceID");
    }

    private static String instance(String cls, String namespace, String properties) {
        return "<p:" + cls + " xmlns:p=\"" + namespace + "\" xmlns:cim=\"" + CIM + "\">" + properties + "</p:" + cls + ">";
    }

    private static String property(String name, String value) {
        return "<p:" + name + ">" + value + "</p:" + name + ">";
    }

    private static HttpExchange put(String uri, String body, String... selectors) {
        return emulator.client().post(Envelopes.transfer(PUT, uri, body, selectors));
    }

    private static HttpExchange ok(HttpExchange reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(Envelopes.MESSAGE_ID);
        return reply;
    }

    private static HttpExchange get(String uri, String... selectors) {
        HttpExchange reply = emulator.client().post(Envelopes.get(uri, selectors));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    /** Returns the value of a property of the instance in a reply's body. */
    private static String value(HttpExchange reply, String property) {
        List<String> v = reply.texts("/*[local-name()='Envelope']/*[local-name()='Body']/*/*[local-name()='"
                + property + "']");
        assertThat(v).as(property + " in " + reply.body()).hasSize(1);
        return v.get(0);
    }

    private static void assertFault(HttpExchange reply, String subcode, String action, String detail, String code,
            String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo(subcode);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(action);
        if (detail == null) {
            Xml.at(reply.body()).nodesByXPath("//w:FaultDetail").doNotExist();
        } else {
            Xml.at(reply.body()).valueByXPath("//w:FaultDetail")
                    .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/" + detail);
        }
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo(code);
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains(message);
    }

    private static void assertAccessDenied(HttpExchange reply, String message) {
        assertFault(reply, "w:AccessDenied", WSMAN_FAULT, null, "2150859013", message);
    }

    private static void assertInvalidRepresentation(HttpExchange reply, String detail, String message) {
        assertFault(reply, "x:InvalidRepresentation", TRANSFER_FAULT, detail, "2150858773", message);
    }

    @Test
    void setsTheTimeBeforeRemovalAndDeleteOnCompletionOfAJob() {
        String job = newJob("Kept an hour");
        HttpExchange reply = ok(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("InstanceID", job)
                        + property("TimeBeforeRemoval", "<cim:Interval>P0DT1H30M0S</cim:Interval>")
                        + property("DeleteOnCompletion", "true")), "InstanceID", job));
        Xml.at(reply.body()).withNamespaceContext(java.util.Map.of("p", wmi("Msvm_ConcreteJob")))
                .nodesByXPath("/*[local-name()='Envelope']/*[local-name()='Body']/p:Msvm_ConcreteJob").exist();
        assertThat(value(reply, "TimeBeforeRemoval")).isEqualTo("P0DT1H30M0S");
        assertThat(value(reply, "DeleteOnCompletion")).isEqualTo("true");
        assertThat(value(reply, "JobState")).isEqualTo("2");

        HttpExchange again = get(wmi("Msvm_ConcreteJob"), "InstanceID", job);
        assertThat(value(again, "TimeBeforeRemoval")).isEqualTo("P0DT1H30M0S");
        assertThat(value(again, "DeleteOnCompletion")).isEqualTo("true");
    }

    @Test
    void takesTheBaseClassUriAndTheCimTextForm() {
        String job = newJob("Base class");
        HttpExchange reply = ok(put(wmi("CIM_ConcreteJob"), instance("CIM_ConcreteJob", wmi("CIM_ConcreteJob"),
                property("TimeBeforeRemoval", "00000000001000.000000:000")), "InstanceID", job));
        assertThat(reply.body()).contains("<p:Msvm_ConcreteJob ");
        assertThat(value(reply, "TimeBeforeRemoval")).isEqualTo("P0DT0H10M0S");
        assertThat(value(get(wmi("Msvm_ConcreteJob"), "InstanceID", job), "TimeBeforeRemoval")).isEqualTo("P0DT0H10M0S");
    }

    @Test
    void renamesAPoolFromItsOwnGetReplyAndKeepsItsPoolId() {
        String id = pool("Alpha");
        HttpExchange before = get(wmi("Msvm_ResourcePool"), "InstanceID", id);
        String body = before.body().substring(before.body().indexOf("<s:Body>") + 8, before.body().indexOf("</s:Body>"));
        assertThat(body).contains("<p:ElementName>Alpha</p:ElementName>");

        HttpExchange reply = ok(put(wmi("Msvm_ResourcePool"),
                body.replace("<p:ElementName>Alpha</p:ElementName>", "<p:ElementName>Beta</p:ElementName>"),
                "InstanceID", id));
        assertThat(value(reply, "ElementName")).isEqualTo("Beta");
        assertThat(value(reply, "PoolID")).as("the PoolID given at creation").isEqualTo("Alpha");

        HttpExchange after = get(wmi("CIM_ResourcePool"), "InstanceID", id);
        assertThat(value(after, "ElementName")).isEqualTo("Beta");
        assertThat(value(after, "PoolID")).isEqualTo("Alpha");
        assertThat(value(after, "Capacity")).isEqualTo("0");
    }

    @Test
    void takesTheMiClientsPutWithOnlyTheModifiedProperties() {
        String id = pool("Before Set-CimInstance");
        String body = "<s:Body><p0:Msvm_ResourcePool xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:p0=\"" + dmtf("Msvm_ResourcePool") + "\" xsi:type=\"p0:Msvm_ResourcePool_Type\">"
                + "<p0:InstanceID xsi:type=\"cim:cimString\">" + id + "</p0:InstanceID>"
                + "<p0:ElementName xsi:type=\"cim:cimString\">After Set-CimInstance</p0:ElementName>"
                + "<p0:PoolID xsi:type=\"cim:cimString\">not applied</p0:PoolID>"
                + "<p0:Capacity xsi:type=\"cim:cimUInt64\">99</p0:Capacity>"
                + "<p0:Description xsi:nil=\"true\" />"
                + "<p0:OperationalStatus xsi:type=\"cim:cimUInt16\">2</p0:OperationalStatus>"
                + "</p0:Msvm_ResourcePool></s:Body>";
        String request = miClientPut(id, "ElementName", body);

        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).withNamespaceContext(java.util.Map.of("p", dmtf("Msvm_ResourcePool")))
                .valueByXPath("/*[local-name()='Envelope']/*[local-name()='Body']/p:Msvm_ResourcePool/p:ElementName")
                .isEqualTo("After Set-CimInstance");
        assertThat(value(reply, "PoolID")).isEqualTo("Before Set-CimInstance");
        assertThat(value(reply, "Capacity")).isEqualTo("0");

        // The MI client is refused with an MSFT_WmiError detail (hvemu.powershell.MiFaultsIT): access denied.
        HttpExchange refused = emulator.client().post(miClientPut(id, "Capacity", body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(500);
        Xml.at(refused.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo("w:AccessDenied");
        Xml.at(refused.body()).valueByXPath("//s:Detail/*[local-name()='MSFT_WmiError']/*[local-name()='MessageID']")
                .isEqualTo("HRESULT 0x80041003");
        Xml.at(refused.body()).valueByXPath("//s:Detail/*[local-name()='MSFT_WmiError']/*[local-name()='Message']")
                .contains("The property Capacity of Msvm_ResourcePool is read-only.");
        assertThat(value(get(wmi("Msvm_ResourcePool"), "InstanceID", id), "ElementName"))
                .isEqualTo("After Set-CimInstance");
    }

    /** The MI client's Put (fixture mi-client-put-request-msft-person.xml) of a pool, naming one modified property. */
    private static String miClientPut(String id, String modified, String body) {
        String fixture = Fixtures.shared("mi-client-put-request-msft-person.xml");
        String selectors = "<w:Selector Name=\"__cimnamespace\">root/cimv2</w:Selector><w:Selector Name=\"Key\">1</w:Selector>";
        String option = "Type=\"xs:string\">Last</w:Option>";
        assertThat(fixture).contains(selectors, option, dmtf("MSFT_Person") + "</w:ResourceURI>");
        return fixture.replace(dmtf("MSFT_Person") + "</w:ResourceURI>", dmtf("Msvm_ResourcePool") + "</w:ResourceURI>")
                .replace(selectors, "<w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>"
                        + "<w:Selector Name=\"InstanceID\">" + id + "</w:Selector>")
                .replace(option, "Type=\"xs:string\">" + modified + "</w:Option>")
                .replaceFirst("<s:Body>.*</s:Body>", Matcher.quoteReplacement(body));
    }

    @Test
    void sendingAStoredValueAgainIsNoChange() {
        HttpExchange reply = ok(put(wmi("CIM_ResourcePool"), instance("CIM_ResourcePool", wmi("CIM_ResourcePool"),
                property("InstanceID", PROCESSOR_POOL) + property("ElementName", "Processor Resource Pool")
                        + property("Primordial", "true") + property("Capacity", "16")),
                "InstanceID", PROCESSOR_POOL));
        assertThat(value(reply, "ElementName")).isEqualTo("Processor Resource Pool");
    }

    @Test
    void refusesAReadOnlyPropertyAndChangesNothing() {
        String id = pool("Gamma");
        assertAccessDenied(put(wmi("Msvm_ResourcePool"), instance("Msvm_ResourcePool", wmi("Msvm_ResourcePool"),
                property("ElementName", "Delta") + property("Capacity", "5")), "InstanceID", id),
                "The property Capacity of Msvm_ResourcePool is read-only.");
        HttpExchange after = get(wmi("Msvm_ResourcePool"), "InstanceID", id);
        assertThat(value(after, "ElementName")).as("nothing of a refused Put is applied").isEqualTo("Gamma");
        assertThat(value(after, "Capacity")).isEqualTo("0");
    }

    @Test
    void refusesAKeyChange() {
        String id = pool("Keyed");
        assertAccessDenied(put(wmi("Msvm_ResourcePool"), instance("Msvm_ResourcePool", wmi("Msvm_ResourcePool"),
                property("InstanceID", "Microsoft:00000000-0000-0000-0000-000000000000")
                        + property("ElementName", "Rekeyed")), "InstanceID", id),
                "The property InstanceID is a key of Msvm_ResourcePool; a key cannot be changed.");
        assertThat(value(get(wmi("Msvm_ResourcePool"), "InstanceID", id), "ElementName")).isEqualTo("Keyed");
    }

    @Test
    void refusesRenamingAPrimordialPool() {
        assertAccessDenied(put(wmi("CIM_ResourcePool"), instance("CIM_ResourcePool", wmi("CIM_ResourcePool"),
                property("ElementName", "Mine now")), "InstanceID", PROCESSOR_POOL), "is primordial");
        assertThat(value(get(wmi("CIM_ResourcePool"), "InstanceID", PROCESSOR_POOL), "ElementName"))
                .isEqualTo("Processor Resource Pool");
    }

    @Test
    void refusesAPropertyTheClassLacks() {
        String job = newJob("Colourful");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("DeleteOnCompletion", "true") + property("Colour", "blue")), "InstanceID", job),
                "InvalidValues", "The class Msvm_ConcreteJob has no property Colour.");
        assertThat(value(get(wmi("Msvm_ConcreteJob"), "InstanceID", job), "DeleteOnCompletion")).isEqualTo("false");
    }

    @Test
    void refusesValuesOfTheWrongType() {
        String job = newJob("Typed");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("DeleteOnCompletion", "perhaps")), "InstanceID", job),
                "InvalidValues", "The property DeleteOnCompletion is boolean: 'perhaps' is not a boolean.");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("TimeBeforeRemoval", "<cim:Datetime>2026-11-24T12:00:00Z</cim:Datetime>")), "InstanceID", job),
                "InvalidValues", "TimeBeforeRemoval is an interval");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                "<p:TimeBeforeRemoval xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>"),
                "InstanceID", job), "InvalidValues", "is required; it cannot be NULL");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("ElementName", "a") + property("ElementName", "b")), "InstanceID", job),
                "InvalidValues", "is not an array but is given more than once");
        HttpExchange after = get(wmi("Msvm_ConcreteJob"), "InstanceID", job);
        assertThat(value(after, "TimeBeforeRemoval")).isEqualTo("P0DT0H5M0S");
        assertThat(value(after, "ElementName")).isEqualTo("Creating resource pool Typed");
    }

    @Test
    void refusesABodyThatIsNotTheInstancesClass() {
        String job = newJob("Classy");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ResourcePool", wmi("Msvm_ResourcePool"),
                property("ElementName", "x")), "InstanceID", job), "InvalidNamespace",
                "the instance addressed is a Msvm_ConcreteJob");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Job", wmi("Msvm_ConcreteJob"),
                property("ElementName", "x")), "InstanceID", job), "InvalidValues", "must be Msvm_ConcreteJob, not Job");
        assertInvalidRepresentation(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", "urn:elsewhere",
                property("ElementName", "x")), "InstanceID", job), "InvalidNamespace", "urn:elsewhere");
        assertFault(put(wmi("Msvm_ConcreteJob"), "", "InstanceID", job), "w:SchemaValidationError", WSMAN_FAULT, null,
                "2150858817", "missing the element titled 'Msvm_ConcreteJob'");
        assertThat(value(get(wmi("Msvm_ConcreteJob"), "InstanceID", job), "ElementName")).isEqualTo("Creating resource pool Classy");
    }

    @Test
    void answersAMissingInstanceWithDestinationUnreachable() {
        assertFault(put(wmi("Msvm_ConcreteJob"), instance("Msvm_ConcreteJob", wmi("Msvm_ConcreteJob"),
                property("DeleteOnCompletion", "true")), "InstanceID", "9D1C4A3E-0B52-4A8F-9C31-6F3A2B7C1E55"),
                "a:DestinationUnreachable", ADDRESSING_FAULT, "InvalidResourceURI", "2150858752",
                "No instance Msvm_ConcreteJob");
    }
}
