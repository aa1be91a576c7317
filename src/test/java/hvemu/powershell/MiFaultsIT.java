package hvemu.powershell;

import static hvemu.powershell.Shapes.DMTF;
import static hvemu.powershell.Shapes.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults for the MI client: each family of fault, sent with the MI client's headers and options (the
 * MS-WSMV §4.11.1 capture), carries an {@code MSFT_WmiError} detail alone, with the CIM status code, the
 * HRESULT in MessageID and error_Code, and the error category PowerShell shows; the same request without
 * the MI options carries {@code f:WSManFault} as before (wire.md §5.1; hvemu.wsman.WmiErrorTable).
 */
class MiFaultsIT {
    private static final String GET_4111 = "mswsmv-4.11.1-mi-client-get-request-operationid.xml";
    private static final String QUOTA_FAULT = "winrm-fault-msft-wmierror-quotalimit-response.xml";
    private static final String GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    private static final String PUT = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
    private static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    private static final String ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    private static final String PULL = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    private static final String N = "xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"";
    private static final String MESSAGE_ID = "uuid:5BEBF248-219C-4771-963D-0833C321BB5E";
    private static final String NS = sel("__cimnamespace", NAMESPACE);
    private static final String POOL = DMTF + "Msvm_ResourcePool";
    private static final String SERVICE = DMTF + "Msvm_ResourcePoolConfigurationService";
    private static final String SERVICE_KEYS = sel("CreationClassName", "Msvm_ResourcePoolConfigurationService")
            + sel("Name", "poolcfgsvc") + sel("SystemCreationClassName", "Msvm_ComputerSystem") + sel("SystemName", "HVCLU01");
    private static final String PRIMORDIAL = "Microsoft:HV-NODE1\\B637F347-6A0E-4DEC-AF52-BD70CB80A21D";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static String sel(String name, String value) {
        return "<w:Selector Name=\"" + name + "\">" + value + "</w:Selector>";
    }

    /** The MI client's Get of MS-WSMV §4.11.1 with the Action, resource URI, selectors and body of a case. */
    private static Capture mi(String action, String uri, String selectors, String body) {
        return Capture.of(GET_4111)
                .rewrite("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/MyTest4/UTFPSSemantics_TestBase", uri)
                .rewrite(GET + "</a:Action>", action + "</a:Action>")
                .rewrite("<w:Selector Name=\"uint32key\">10</w:Selector>", selectors)
                .rewrite("<s:Body></s:Body>", "<s:Body>" + body + "</s:Body>");
    }

    private static String input(String method, String parameters) {
        return "<p0:" + method + "_INPUT xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:p0=\"" + SERVICE
                + "\" xsi:type=\"" + method + "_INPUT_Type\">" + parameters + "</p0:" + method + "_INPUT>";
    }

    private static String pool(String cls, String property, String value) {
        return "<p0:" + cls + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:p0=\"" + DMTF + cls
                + "\" xsi:type=\"p0:" + cls + "_Type\"><p0:" + property + " xsi:type=\"cim:cimString\">" + value
                + "</p0:" + property + "></p0:" + cls + ">";
    }

    private static String enumerate(String filter) {
        return "<n:Enumerate " + N + "><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"
                + "<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode>" + filter + "</n:Enumerate>";
    }

    private static String wql(String query) {
        return enumerate("<w:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">" + query + "</w:Filter>");
    }

    /**
     * A family of fault: the request in the MI client's form, the subcode (null for s:MustUnderstand), the
     * MSFT_WmiError values, a fragment of its Message, and the HRESULT of f:WSManFault without MI options.
     */
    record Case(String name, Capture request, String subcode, int cimStatus, long hresult, int category, String message,
            long wsmanCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> families() {
        return Stream.of(
                new Case("no such instance (CIM_ERR_NOT_FOUND)", mi(GET, POOL, NS + sel("InstanceID", "Microsoft:None"), ""),
                        "a:DestinationUnreachable", 6, 0x80041002L, 13, "No instance", 2150858752L),
                new Case("no such class (CIM_ERR_INVALID_CLASS)",
                        mi(GET, DMTF + "Msvm_NoSuchClass", NS + sel("InstanceID", "x"), ""),
                        "a:DestinationUnreachable", 5, 0x80041010L, 10, "The class Msvm_NoSuchClass does not exist",
                        2150858752L),
                new Case("no such namespace (CIM_ERR_INVALID_NAMESPACE)",
                        mi(GET, POOL, sel("__cimnamespace", "root/cimv2") + sel("InstanceID", "x"), ""),
                        "a:DestinationUnreachable", 3, 0x8004100EL, 10, "The namespace root/cimv2 does not exist",
                        2150858752L),
                new Case("no __cimnamespace: root/hardware (CIM_ERR_INVALID_NAMESPACE)",
                        mi(GET, POOL, sel("InstanceID", "x"), ""),
                        "a:DestinationUnreachable", 3, 0x8004100EL, 10, "The namespace root/hardware does not exist",
                        2150858752L),
                new Case("unknown parameter (CIM_ERR_INVALID_PARAMETER)",
                        mi(SERVICE + "/CreateResourcePool", SERVICE, NS + SERVICE_KEYS,
                                input("CreateResourcePool", "<p0:Colour xsi:type=\"cim:cimString\">blue</p0:Colour>")),
                        "w:InvalidParameter", 4, 0x80041008L, 5, "has no parameter Colour", 2150858837L),
                new Case("parameter of the wrong type (CIM_ERR_TYPE_MISMATCH)",
                        mi(SERVICE + "/RequestStateChange", SERVICE, NS + SERVICE_KEYS, input("RequestStateChange",
                                "<p0:RequestedState xsi:type=\"cim:cimUnsignedShort\">three</p0:RequestedState>")),
                        "w:InvalidParameter", 13, 0x80041005L, 9, "The parameter RequestedState is uint16", 2150858844L),
                new Case("no such method (CIM_ERR_METHOD_NOT_FOUND)",
                        mi(SERVICE + "/NoSuchMethod", SERVICE, NS + SERVICE_KEYS, input("NoSuchMethod", "")),
                        "a:ActionNotSupported", 17, 0x8004102EL, 10, "has no method NoSuchMethod", 2150858771L),
                new Case("read-only change (CIM_ERR_ACCESS_DENIED)",
                        mi(PUT, DMTF + "CIM_ResourcePool", NS + sel("InstanceID", PRIMORDIAL),
                                pool("CIM_ResourcePool", "ElementName", "Mine")),
                        "w:AccessDenied", 2, 0x80041003L, 18, "primordial", 2150859013L),
                new Case("Delete of a pool (CIM_ERR_NOT_SUPPORTED)",
                        mi(DELETE, DMTF + "CIM_ResourcePool", NS + sel("InstanceID", PRIMORDIAL), ""),
                        "a:ActionNotSupported", 7, 0x8004100CL, 11, "DeleteResourcePool", 2150858801L),
                new Case("Put of a property the class lacks (CIM_ERR_NO_SUCH_PROPERTY)",
                        mi(PUT, DMTF + "CIM_ResourcePool", NS + sel("InstanceID", PRIMORDIAL),
                                pool("CIM_ResourcePool", "Colour", "blue")),
                        "x:InvalidRepresentation", 12, 0x80041002L, 10, "has no property Colour", 2150858773L),
                new Case("Put of another class's element (WinRM's InvalidRepresentation)",
                        mi(PUT, DMTF + "CIM_ResourcePool", NS + sel("InstanceID", PRIMORDIAL),
                                pool("Msvm_Processor", "ElementName", "x")),
                        "x:InvalidRepresentation", 4, 2150858773L, 5, "not the namespace of", 2150858773L),
                new Case("query that cannot be parsed (CIM_ERR_INVALID_QUERY)",
                        mi(ENUMERATE, "http://schemas.dmtf.org/wbem/wscim/1/*", NS, wql("select from")),
                        "n:CannotProcessFilter", 15, 0x80041017L, 5, "select from", 2150858778L),
                new Case("query of a class that does not exist (CIM_ERR_INVALID_CLASS)",
                        mi(ENUMERATE, "http://schemas.dmtf.org/wbem/wscim/1/*", NS, wql("select * from Msvm_NoSuchClass")),
                        "n:CannotProcessFilter", 5, 0x80041010L, 10, "The class Msvm_NoSuchClass does not exist",
                        2150858778L),
                new Case("filter dialect not supported (CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED)",
                        mi(ENUMERATE, POOL, NS, enumerate("<w:Filter Dialect=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
                                + "/a</w:Filter>")),
                        "n:FilterDialectRequestedUnavailable", 14, 0x80041018L, 11, "is not supported", 2150858777L),
                new Case("unexpected selector (WinRM's InvalidSelectors)",
                        mi(GET, POOL, NS + sel("InstanceID", PRIMORDIAL) + sel("Bogus", "1"), ""),
                        "w:InvalidSelectors", 4, 0x8033805BL, 5, "Bogus", 2150858843L),
                new Case("enumeration mode not supported (WinRM's UnsupportedFeature)",
                        mi(ENUMERATE, POOL, NS, enumerate("").replace("EnumerateObjectAndEPR", "EnumerateEverything")),
                        "w:UnsupportedFeature", 7, 0x80338086L, 11, "EnumerateEverything", 2150858886L),
                new Case("enumeration context unknown (CIM_ERR_INVALID_ENUMERATION_CONTEXT)",
                        mi(PULL, POOL, NS, "<n:Pull " + N + "><n:EnumerationContext>uuid:00000000-0000-0000-0000-000000000000"
                                + "</n:EnumerationContext><n:MaxElements>1</n:MaxElements></n:Pull>"),
                        "n:InvalidEnumerationContext", 21, 0x8033801BL, 10, "enumeration context", 2150858779L),
                new Case("negative OperationTimeout (WinRM's InvalidMessageInformationHeader)",
                        mi(GET, POOL, NS + sel("InstanceID", PRIMORDIAL), "").rewrite("PT60.000S", "PT-1S"),
                        "a:InvalidMessageInformationHeader", 1, 0x8033800FL, 26, "PT-1S", 2150858767L),
                new Case("unknown mustUnderstand header (WinRM's MustUnderstand)",
                        mi(GET, POOL, NS + sel("InstanceID", PRIMORDIAL), "")
                                .rewrite("</s:Header>", "<x:Bogus xmlns:x=\"urn:bogus\" s:mustUnderstand=\"true\"/></s:Header>"),
                        null, 1, 0x80338010L, 26, "{urn:bogus}Bogus", 2150858768L),
                new Case("__cimnamespace against a WMI URI (WinRM's InternalError)",
                        mi(GET, Shapes.WMI + "Msvm_ResourcePool", sel("__cimnamespace", "root/cimv2") + sel("InstanceID", "x"), ""),
                        "w:InternalError", 1, 0x80004005L, 0, "does not match the namespace", 2147500037L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void theMiClientGetsMsftWmiErrorWithItsCodes(Case c) {
        HttpExchange reply = emulator.client().post(c.request().text());

        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        subcode(reply, c.subcode());
        Shapes.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(MESSAGE_ID);
        String error = "/s:Envelope/s:Body/s:Fault/s:Detail/e:MSFT_WmiError";
        Shapes.at(reply.body()).valueByXPath(error + "/@b:IsCIM_Error").isEqualTo("true");
        Shapes.at(reply.body()).valueByXPath(error + "/@xsi:type").isEqualTo("p:MSFT_WmiError_Type");
        Shapes.at(reply.body()).valueByXPath(error + "/e:CIMStatusCode").isEqualTo(Integer.toString(c.cimStatus()));
        Shapes.at(reply.body()).valueByXPath(error + "/e:MessageID").isEqualTo("HRESULT 0x" + Long.toHexString(c.hresult()));
        Shapes.at(reply.body()).valueByXPath(error + "/e:error_Code").isEqualTo(Long.toString(c.hresult()));
        Shapes.at(reply.body()).valueByXPath(error + "/e:error_Type").isEqualTo("HRESULT");
        Shapes.at(reply.body()).valueByXPath(error + "/e:error_Category").isEqualTo(Integer.toString(c.category()));
        Shapes.at(reply.body()).valueByXPath(error + "/e:Message").contains(c.message());
        Shapes.at(reply.body()).valueByXPath(error + "/e:error_WindowsErrorMessage").contains(c.message());
        Shapes.at(reply.body()).nodesByXPath("//f:WSManFault").doNotExist();
        Shapes.at(reply.body()).nodesByXPath("//w:FaultDetail").doNotExist();
        assertThat(emulator.client().post(Envelopes.IDENTIFY).status()).as("still serving").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void otherClientsGetWsmanFaultAsBefore(Case c) {
        HttpExchange reply = emulator.client().post(c.request().withoutOptions().text());

        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        subcode(reply, c.subcode());
        Shapes.at(reply.body()).valueByXPath("//s:Detail/f:WSManFault/@Code").isEqualTo(Long.toString(c.wsmanCode()));
        Shapes.at(reply.body()).valueByXPath("//s:Detail/f:WSManFault/f:Message").contains(c.message());
        Shapes.at(reply.body()).nodesByXPath("//e:MSFT_WmiError").doNotExist();
    }

    private static void subcode(HttpExchange reply, String subcode) {
        if (subcode == null) {
            Shapes.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Value").isEqualTo("s:MustUnderstand");
            Shapes.at(reply.body()).nodesByXPath("//s:Fault/s:Code/s:Subcode").doNotExist();
        } else {
            Shapes.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo(subcode);
        }
    }

    /** The detail has the shape of Windows' MSFT_WmiError (a real QuotaLimit fault), with the values of ours. */
    @Test
    void theDetailHasTheShapeOfWindowsMsftWmiError() {
        HttpExchange reply = emulator.client().post(mi(GET, POOL, NS + sel("InstanceID", "Microsoft:None"), "").text());

        // Windows' fault, pointed at a missing instance: our fault Action and subcode, our values, and the
        // RelatesTo this capture lacks (wire.md §5.1) but every reply of hvemu carries.
        String control = Capture.of(QUOTA_FAULT)
                .rewrite("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault")
                .rewrite("uuid:B8829021-48C3-4F27-B94B-491DAC4F29B1", "${xmlunit.ignore}")
                .rewrite("</a:To>", "</a:To>\n    <a:RelatesTo>" + MESSAGE_ID + "</a:RelatesTo>")
                .rewrite("w:QuotaLimit", "a:DestinationUnreachable")
                .rewrite("The WS-Management service cannot process the request. The maximum number of concurrent shells"
                        + " for this user has been exceeded. Close existing shells or raise the quota for this user. ",
                        "${xmlunit.ignore}")
                .rewrite("<p:CIMStatusCode xsi:type='cim:cimUnsignedInt'>27<", "<p:CIMStatusCode xsi:type='cim:cimUnsignedInt'>6<")
                .rewrite("The WS-Management service cannot process the request. This user is allowed a maximum number of 30"
                        + " concurrent shells, which has been exceeded. Close existing shells or raise the quota for this user. ",
                        "${xmlunit.ignore}")
                .rewrite("HRESULT 0x803381a5", "HRESULT 0x80041002")
                .rewrite(">30</p:error_Category>", ">13</p:error_Category>")
                .rewrite(">2150859173</p:error_Code>", ">2147749890</p:error_Code>")
                .text();
        Shapes.assertShape(control, reply.body(), Set.of("Code", "Reason", "Detail"));
    }
}
