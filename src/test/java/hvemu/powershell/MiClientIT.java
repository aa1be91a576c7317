package hvemu.powershell;

import static hvemu.powershell.Shapes.DMTF;
import static hvemu.powershell.Shapes.NAMESPACE;
import static hvemu.powershell.Shapes.WMI;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;
import org.xmlunit.xpath.XPathEngine;

/**
 * Every request form captured from PowerShell's MI client (Get-CimInstance, Invoke-CimMethod,
 * Set-CimInstance over WS-Man), posted as captured, with only what names another product's classes,
 * namespace, keys and method rewritten to hvemu's; the replies are checked by meaning and, where
 * MS-WSMV §4.11 shows Windows' reply, against its shape (docs/powershell.md maps each cmdlet to its test).
 */
class MiClientIT {
    private static final String WQL = "mi-client-enumerate-wql-objectandepr-request.xml";
    private static final String ENUMERATE_CLASS = "mi-client-enumerate-class-dmtf-uri-request.xml";
    private static final String INVOKE = "mi-client-invoke-request-dmtf-uri.xml";
    private static final String PUT_MODIFIED = "mi-client-put-request-msft-person.xml";
    private static final String PUT_WHOLE = "mi-client-put-request-omi-identify.xml";
    private static final String GET_4111 = "mswsmv-4.11.1-mi-client-get-request-operationid.xml";
    private static final String GET_4111_REPLY = "mswsmv-4.11.1-get-response-operationid-isnullarray.xml";
    private static final String INVOKE_4112 = "mswsmv-4.11.2-mi-client-invoke-request-dmtf-uri.xml";
    private static final String INVOKE_4112_REPLY = "mswsmv-4.11.2-invoke-response-output-dmtf-uri.xml";
    private static final String ENUMERATE_RESPONSE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse";
    private static final String SERVICE_KEYS = "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService"
            + "</w:Selector><w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
            + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
            + "<w:Selector Name=\"SystemName\">HVCLU01</w:Selector>";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    private static HttpExchange post(Capture request) {
        return emulator.client().post(request.text());
    }

    /** Asserts a 200 reply with the Action and the RelatesTo of the captured MessageID; returns its body. */
    private static String ok(HttpExchange reply, String action, String relatesTo) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Shapes.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(action);
        Shapes.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(relatesTo);
        // Without robust connections a server omits OperationID and SequenceID (MS-WSMV §3.1.4.1.39).
        Shapes.at(reply.body()).nodesByXPath("/s:Envelope/s:Header/p:OperationID").doNotExist();
        Shapes.at(reply.body()).nodesByXPath("/s:Envelope/s:Header/p:SequenceId").doNotExist();
        return reply.body();
    }

    /** Get-CimInstance -Query: the WQL capture against root/OMI, run on our pools. */
    private static Capture query() {
        return query("select * from Msvm_ResourcePool");
    }

    private static Capture query(String wql) {
        return Capture.of(WQL)
                .rewrite("root/OMI", NAMESPACE)
                .rewrite("select * from OMI_Identify", wql);
    }

    @Test
    void getCimInstanceQueryAnswersObjectsAndEprsWithTheCimNamespaceSelector() {
        String body = ok(post(query()), ENUMERATE_RESPONSE, "uuid:2CE8AD2B-8EA5-4FA8-A11C-A4C335FE9AAC");

        Shapes.at(body).nodesByXPath("//n:EnumerateResponse/w:EndOfSequence").exist();
        Shapes.at(body).valueByXPath("//n:EnumerateResponse/n:EnumerationContext").isEmpty();
        int items = Integer.parseInt(new JAXPXPathEngine().evaluate("count(//*[local-name()='Item'])",
                Input.fromString(body).build()));
        assertThat(items).as(body).isPositive();
        Shapes.at(body).valueByXPath("count(//w:Item/pool:Msvm_ResourcePool[@xsi:type='p:Msvm_ResourcePool_Type'])")
                .isEqualTo(Integer.toString(items));
        Shapes.at(body).valueByXPath("count(//w:Item/a:EndpointReference/a:ReferenceParameters[w:ResourceURI='"
                + DMTF + "Msvm_ResourcePool'][w:SelectorSet/w:Selector[@Name='__cimnamespace']='" + NAMESPACE + "']"
                + "[w:SelectorSet/w:Selector[@Name='InstanceID']])").isEqualTo(Integer.toString(items));
        // UsePreciseArrays: a NULL array is nil and IsNullArray; a NULL scalar only nil.
        Shapes.at(body).valueByXPath("count(//pool:StatusDescriptions[@xsi:nil='true'][@p:IsNullArray='true'])")
                .isEqualTo(Integer.toString(items));
        Shapes.at(body).nodesByXPath("//pool:Description[@xsi:nil='true']").exist();
        Shapes.at(body).nodesByXPath("//pool:Description[@p:IsNullArray]").doNotExist();
    }

    @Test
    void everyReferenceInAnAssociationCarriesTheCimNamespaceSelector() {
        String body = ok(post(query("select * from Msvm_HostedResourcePool")), ENUMERATE_RESPONSE,
                "uuid:2CE8AD2B-8EA5-4FA8-A11C-A4C335FE9AAC");

        // Each item: its own EPR (whose keys are references in turn), and the GroupComponent and PartComponent
        // references; every one of them in the DMTF style.
        XPathEngine xpath = new JAXPXPathEngine();
        xpath.setNamespaceContext(Xml.NS);
        int items = Integer.parseInt(xpath.evaluate("count(//w:Item)", Input.fromString(body).build()));
        int references = Integer.parseInt(xpath.evaluate("count(//a:ReferenceParameters)", Input.fromString(body).build()));
        assertThat(items).as(body).isPositive();
        assertThat(references).isGreaterThanOrEqualTo(3 * items);
        Shapes.at(body).valueByXPath("count(//a:ReferenceParameters[starts-with(w:ResourceURI, '" + DMTF + "')]"
                + "[w:SelectorSet/w:Selector[@Name='__cimnamespace']='" + NAMESPACE + "'])")
                .isEqualTo(Integer.toString(references));
    }

    @Test
    void withoutUsePreciseArraysANullArrayIsOnlyNil() {
        String body = ok(post(query().withoutOptions()), ENUMERATE_RESPONSE, "uuid:2CE8AD2B-8EA5-4FA8-A11C-A4C335FE9AAC");

        Shapes.at(body).nodesByXPath("//pool:StatusDescriptions[@xsi:nil='true']").exist();
        Shapes.at(body).nodesByXPath("//*[@p:IsNullArray]").doNotExist();
    }

    @Test
    void getCimInstanceOfAClassByDmtfUriKeepsWithinTheEnvelopeLimit() {
        // The capture names OMI's class under OMI's vendor prefix (schemas.microsoft.com/wbem/wscim/...),
        // which Windows does not serve (MS-WSMV §3.1.4.1.1); the MI client names every class by the DMTF
        // prefix (the other captures), so the whole class URI is rewritten.
        Capture request = Capture.of(ENUMERATE_CLASS)
                .rewrite("http://schemas.microsoft.com/wbem/wscim/1/cim-schema/2/OMI_Datetime", DMTF + "Msvm_ResourcePool")
                .rewrite(">root/cimv2<", ">" + NAMESPACE + "<");
        HttpExchange reply = post(request);
        String body = ok(reply, ENUMERATE_RESPONSE, "uuid:498D1C73-D311-425A-8F2E-14D19629467F");

        assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).as("MaxEnvelopeSize 32768").isLessThanOrEqualTo(32768);
        Shapes.at(body).nodesByXPath("//w:Items/pool:Msvm_ResourcePool").exist();
        Shapes.at(body).nodesByXPath("//w:Items/w:Item").doNotExist();
        Shapes.at(body).nodesByXPath("//a:EndpointReference").doNotExist();
        Shapes.at(body).nodesByXPath("//*[@p:IsNullArray]").doNotExist();
        if (reply.texts("//*[local-name()='EndOfSequence']").isEmpty()) {
            Shapes.at(body).valueByXPath("//n:EnumerationContext").isNotEmpty();
        }
    }

    /**
     * Invoke-CimMethod -InputObject $service -MethodName CreateResourcePool: the instance-method capture, whose
     * values start on a new line (CRLF) as captured.
     */
    private static Capture createResourcePool(String name, int processor) {
        return Capture.of(INVOKE)
                .rewrite("cim-schema/2/TestClass_AllDMTFTypes", "cim-schema/2/Msvm_ResourcePoolConfigurationService")
                .rewrite("GetBoolValue", "CreateResourcePool")
                .rewrite("root/omi", NAMESPACE)
                .rewrite("<w:Selector Name=\"v_Key\">\r\n0</w:Selector>", SERVICE_KEYS)
                .rewrite("xsi:type=\"CreateResourcePool_INPUT_Type\">\r\n</p0:CreateResourcePool_INPUT>",
                        "xsi:type=\"CreateResourcePool_INPUT_Type\">\r\n"
                                + "<p0:ElementName xsi:type=\"cim:cimString\">" + name + "</p0:ElementName>\r\n"
                                + "<p0:HostResources>" + Shapes.processor(2, processor) + "</p0:HostResources>\r\n"
                                + "<p0:ResourceType xsi:type=\"cim:cimString\">3</p0:ResourceType>\r\n"
                                + "</p0:CreateResourcePool_INPUT>");
    }

    @Test
    void invokeCimMethodCreatesAPoolAndAnswersItsReferencesWithTheCimNamespaceSelector() {
        String uri = DMTF + "Msvm_ResourcePoolConfigurationService";
        Capture request = createResourcePool("MI pool", 1);
        HttpExchange reply = post(request);
        // The capture's MessageID starts on a new line; RelatesTo repeats it byte for byte.
        String body = ok(reply, uri + "/CreateResourcePoolResponse", request.messageId());
        assertThat(request.messageId()).isEqualTo("\nuuid:11684999-5F8C-487F-8CE7-5B109837F710");

        Shapes.at(body).valueByXPath("/s:Envelope/s:Body/svc:CreateResourcePool_OUTPUT/svc:ReturnValue").isEqualTo("4096");
        for (String[] ref : new String[][] {{"Job", "Msvm_ConcreteJob"}, {"Pool", "Msvm_ResourcePool"}}) {
            String epr = "/s:Envelope/s:Body/svc:CreateResourcePool_OUTPUT/svc:" + ref[0] + "/a:ReferenceParameters";
            Shapes.at(body).valueByXPath(epr + "/w:ResourceURI").isEqualTo(DMTF + ref[1]);
            Shapes.at(body).valueByXPath(epr + "/w:SelectorSet/w:Selector[@Name='__cimnamespace']").isEqualTo(NAMESPACE);
            Shapes.at(body).valueByXPath(epr + "/w:SelectorSet/w:Selector[@Name='InstanceID']").isNotEmpty();
        }

        String job = Pools.selector(reply, "Job", "InstanceID");
        assertThat(emulator.emulator().jobs().complete(job)).isTrue();
        String pool = Pools.selector(reply, "Pool", "InstanceID");
        HttpExchange got = emulator.client().post(Capture.of(GET_4111)
                .rewrite("root/cimv2/MyTest4/UTFPSSemantics_TestBase", NAMESPACE + "/Msvm_ResourcePool")
                .rewrite("<w:Selector Name=\"uint32key\">10</w:Selector>", "<w:Selector Name=\"InstanceID\">" + pool
                        + "</w:Selector>").text());
        Shapes.at(ok(got, "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse",
                "uuid:5BEBF248-219C-4771-963D-0833C321BB5E"))
                .withNamespaceContext(java.util.Map.of("wpool", WMI + "Msvm_ResourcePool"))
                .valueByXPath("/*[local-name()='Envelope']/*[local-name()='Body']/wpool:Msvm_ResourcePool/wpool:ElementName")
                .isEqualTo("MI pool");
    }

    /** Get-CimInstance -InputObject $job with the MS-WSMV §4.11.1 request; its reply has the shape of Windows'. */
    @Test
    void getCimInstanceOfAJobAnswersTheShapeOfMsWsmv4111() {
        HttpExchange created = post(createResourcePool("Shape of 4.11.1", 2));
        String job = Pools.selector(created, "Job", "InstanceID");
        Capture request = Capture.of(GET_4111)
                .rewrite("root/cimv2/MyTest4/UTFPSSemantics_TestBase", NAMESPACE + "/Msvm_ConcreteJob")
                .rewrite("<w:Selector Name=\"uint32key\">10</w:Selector>",
                        "<w:Selector Name=\"InstanceID\">" + job + "</w:Selector>");
        HttpExchange reply = post(request);
        ok(reply, "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "uuid:5BEBF248-219C-4771-963D-0833C321BB5E");

        // Windows' reply, pointed at ours: no OperationID/SequenceId (no robust connections), our MessageID,
        // our class (Windows lower-cases the namespace path; hvemu keeps the client's), our key.
        String control = Capture.of(GET_4111_REPLY)
                .rewrite("<p:OperationID s:mustUnderstand=\"false\">uuid:CEB310A6-FB0B-441D-83E6-8B0C416192CF</p:OperationID>", "")
                .rewrite("<p:SequenceId>2</p:SequenceId>", "")
                .rewrite("uuid:3FEF31AF-B531-4D02-84DA-BD0A23F419B3", "${xmlunit.ignore}")
                .rewrite("root/cimv2/mytest4/UTFPSSemantics_TestBase", NAMESPACE + "/Msvm_ConcreteJob")
                .rewrite("UTFPSSemantics_TestBase", "Msvm_ConcreteJob")
                .rewrite("p:octet", "p:StatusDescriptions")
                .rewrite("<p:uint32Key>100</p:uint32Key>", "<p:InstanceID>" + job + "</p:InstanceID>")
                .text();
        Shapes.assertShape(control, reply.body(), Set.of("StatusDescriptions", "InstanceID"));
    }

    /** Invoke-CimMethod with the MS-WSMV §4.11.2 request (class URI, p0: INPUT); its reply has the shape of Windows'. */
    @Test
    void invokeCimMethodAnswersTheShapeOfMsWsmv4112() {
        HttpExchange created = post(createResourcePool("Shape of 4.11.2", 3));
        String job = Pools.selector(created, "Job", "InstanceID");
        Capture request = Capture.of(INVOKE_4112)
                .rewrite("UTFPSSemantics_Test", "Msvm_ConcreteJob")
                .rewrite("TestStreaming", "GetError")
                .rewrite("<w:Selector Name=\"__cimnamespace\">root/cimv2/mytest4</w:Selector>",
                        "<w:Selector Name=\"__cimnamespace\">" + NAMESPACE + "</w:Selector>"
                                + "<w:Selector Name=\"InstanceID\">" + job + "</w:Selector>");
        HttpExchange reply = post(request);
        String body = ok(reply, DMTF + "Msvm_ConcreteJob/GetErrorResponse", "uuid:5C133D7F-2E87-4B7D-84F1-23B0BD81AF6B");

        String control = Capture.of(INVOKE_4112_REPLY)
                .rewrite("<p:OperationID s:mustUnderstand=\"false\">uuid:F2277C3A-4F30-4099-97B2-1C2038576894</p:OperationID>", "")
                .rewrite("<p:SequenceId>4</p:SequenceId>", "")
                .rewrite("uuid:0F0FF71E-EF69-46ED-8F97-01A2602015C4", "${xmlunit.ignore}")
                .rewrite("UTFPSSemantics_Test", "Msvm_ConcreteJob")
                .rewrite("TestStreaming", "GetError")
                .text();
        Shapes.assertShape(control, body, Set.of());
        // A job still New has no error: ReturnValue 0 and a NULL Error, which is not an array.
        Shapes.at(body).valueByXPath("//job:GetError_OUTPUT/job:ReturnValue").isEqualTo("0");
        Shapes.at(body).nodesByXPath("//job:GetError_OUTPUT/job:Error[@xsi:nil='true']").exist();
        Shapes.at(body).nodesByXPath("//job:GetError_OUTPUT/job:Error[@p:IsNullArray]").doNotExist();
    }

    @Test
    void aRetransmittedOperationIdIsIgnored() {
        // mustUnderstand="true" on OperationID marks a retransmission (MS-WSMV §3.1.4.1.39); without robust
        // connections the server ignores the element.
        Capture request = Capture.of(GET_4111)
                .rewrite("root/cimv2/MyTest4/UTFPSSemantics_TestBase", NAMESPACE + "/Msvm_ResourcePoolConfigurationService")
                .rewrite("<w:Selector Name=\"uint32key\">10</w:Selector>", SERVICE_KEYS)
                .rewrite("<p:OperationID s:mustUnderstand=\"false\">", "<p:OperationID s:mustUnderstand=\"true\">");
        ok(post(request), "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse",
                "uuid:5BEBF248-219C-4771-963D-0833C321BB5E");
    }

    /** Creates a processor pool through the MI client's Invoke and completes its job; returns the pool's InstanceID. */
    private static String pool(String name, int processor) {
        HttpExchange created = post(createResourcePool(name, processor));
        assertThat(emulator.emulator().jobs().complete(Pools.selector(created, "Job", "InstanceID"))).isTrue();
        return Pools.selector(created, "Pool", "InstanceID");
    }

    @Test
    void setCimInstanceAppliesTheModifiedPropertyOnly() {
        String id = pool("Before Set-CimInstance", 4);
        Capture request = Capture.of(PUT_MODIFIED)
                .rewrite("MSFT_Person", "Msvm_ResourcePool")
                .rewrite(">root/cimv2<", ">" + NAMESPACE + "<")
                .rewrite("<w:Selector Name=\"Key\">1</w:Selector>", "<w:Selector Name=\"InstanceID\">" + id + "</w:Selector>")
                .rewrite("Type=\"xs:string\">Last</w:Option>", "Type=\"xs:string\">ElementName</w:Option>")
                .rewrite("<p0:Key xsi:type=\"cim:cimString\">1</p0:Key>",
                        "<p0:InstanceID xsi:type=\"cim:cimString\">" + id + "</p0:InstanceID>")
                .rewrite("<p0:Species xsi:nil=\"true\" />", "<p0:Description xsi:nil=\"true\" />")
                .rewrite("<p0:Last xsi:type=\"cim:cimString\">Osama</p0:Last>",
                        "<p0:ElementName xsi:type=\"cim:cimString\">After Set-CimInstance</p0:ElementName>")
                .rewrite("<p0:First xsi:nil=\"true\" />", "<p0:Caption xsi:nil=\"true\" />")
                .rewrite("<p0:ExpensiveProperty xsi:nil=\"true\" />", "<p0:StatusDescriptions xsi:nil=\"true\" />");
        String body = ok(post(request), "http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse",
                "uuid:E0D1E346-8E68-4345-80E9-3D56D3F20812");

        Shapes.at(body).valueByXPath("/s:Envelope/s:Body/pool:Msvm_ResourcePool/pool:ElementName")
                .isEqualTo("After Set-CimInstance");
        Shapes.at(body).valueByXPath("/s:Envelope/s:Body/pool:Msvm_ResourcePool/pool:PoolID")
                .isEqualTo("Before Set-CimInstance");
        Shapes.at(body).nodesByXPath("/s:Envelope/s:Body/pool:Msvm_ResourcePool/pool:Caption[@xsi:nil]")
                .as("Caption is not in the modified list, so its nil is not applied").doNotExist();
        Shapes.at(body).nodesByXPath("//pool:StatusDescriptions[@p:IsNullArray='true']").exist();
    }

    @Test
    void aRepeatedWmiarrayOptionNamesEveryModifiedProperty() {
        HttpExchange created = post(createResourcePool("Two modified", 6));
        String job = Pools.selector(created, "Job", "InstanceID");
        String modified = "<w:Option Name=\"wmiarray:__MIInstanceModifiedPropertiesList\" Type=\"xs:string\">";
        Capture request = Capture.of(PUT_MODIFIED)
                .rewrite("MSFT_Person", "Msvm_ConcreteJob")
                .rewrite(">root/cimv2<", ">" + NAMESPACE + "<")
                .rewrite("<w:Selector Name=\"Key\">1</w:Selector>", "<w:Selector Name=\"InstanceID\">" + job + "</w:Selector>")
                .rewrite(modified + "Last</w:Option>",
                        modified + "TimeBeforeRemoval</w:Option>" + modified + "DeleteOnCompletion</w:Option>")
                .rewrite("<p0:Key xsi:type=\"cim:cimString\">1</p0:Key>",
                        "<p0:InstanceID xsi:type=\"cim:cimString\">" + job + "</p0:InstanceID>")
                .rewrite("<p0:Species xsi:nil=\"true\" />", "<p0:Description xsi:nil=\"true\" />")
                .rewrite("<p0:Last xsi:type=\"cim:cimString\">Osama</p0:Last>",
                        "<p0:TimeBeforeRemoval xsi:type=\"cim:cimDateTime\">00000000010000.000000:000</p0:TimeBeforeRemoval>")
                .rewrite("<p0:First xsi:nil=\"true\" />", "<p0:DeleteOnCompletion xsi:type=\"cim:cimBoolean\">true</p0:DeleteOnCompletion>")
                .rewrite("<p0:ExpensiveProperty xsi:nil=\"true\" />", "<p0:StatusDescriptions xsi:nil=\"true\" />");
        String body = ok(post(request), "http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse",
                "uuid:E0D1E346-8E68-4345-80E9-3D56D3F20812");

        Shapes.at(body).valueByXPath("//job:Msvm_ConcreteJob/job:TimeBeforeRemoval").isEqualTo("P0DT1H0M0S");
        Shapes.at(body).valueByXPath("//job:Msvm_ConcreteJob/job:DeleteOnCompletion").isEqualTo("true");
    }

    @Test
    void setCimInstanceOfTheWholeInstanceWithUndeclaredCimTypes() {
        String id = pool("Whole instance", 5);
        String captured = Fixtures.shared(PUT_WHOLE);
        String properties = captured.substring(captured.indexOf("<p0:InstanceID"), captured.indexOf("</p0:OMI_Identify>"));
        String ours = "<p0:InstanceID xsi:type=\"cim:cimString\">" + id + "</p0:InstanceID>"
                + "<p0:Caption xsi:type=\"cim:cimString\">Sent back, not applied</p0:Caption>"
                + "<p0:ElementName xsi:type=\"cim:cimString\">Renamed whole</p0:ElementName>"
                + "<p0:PoolID xsi:type=\"cim:cimString\">Whole instance</p0:PoolID>"
                + "<p0:Primordial xsi:type=\"cim:cimString\">false</p0:Primordial>"
                + "<p0:ResourceType xsi:type=\"cim:cimString\">3</p0:ResourceType>"
                + "<p0:StatusDescriptions xsi:type=\"cim:cimString\">OK</p0:StatusDescriptions>"
                + "<p0:StatusDescriptions xsi:type=\"cim:cimString\">Ready</p0:StatusDescriptions>";
        Capture request = Capture.of(PUT_WHOLE)
                .rewrite("OMI_Identify", "Msvm_ResourcePool")
                .rewrite(">root/omi<", ">" + NAMESPACE + "<")
                .rewrite("<w:Selector Name=\"InstanceID\">2FDB5542-5896-45D5-9BE9-DC04430AAABE</w:Selector>",
                        "<w:Selector Name=\"InstanceID\">" + id + "</w:Selector>")
                .rewrite("Type=\"xs:string\">ProductVendor</w:Option>", "Type=\"xs:string\">ElementName</w:Option>")
                .rewrite(properties, ours);
        String body = ok(post(request), "http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse",
                "uuid:8C9C2A0A-C9A4-44F6-B707-D0608B6953EC");

        Shapes.at(body).valueByXPath("/s:Envelope/s:Body/pool:Msvm_ResourcePool/pool:ElementName").isEqualTo("Renamed whole");
        Shapes.at(body).valueByXPath("/s:Envelope/s:Body/pool:Msvm_ResourcePool/pool:Caption")
                .isNotEqualTo("Sent back, not applied");
        Shapes.at(body).nodesByXPath("//pool:StatusDescriptions[@xsi:nil='true'][@p:IsNullArray='true']").exist();
    }
}
