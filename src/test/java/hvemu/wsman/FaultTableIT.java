package hvemu.wsman;

import static hvemu.testsupport.Envelopes.ENUMERATE;
import static hvemu.testsupport.Envelopes.GET;
import static hvemu.testsupport.Envelopes.MESSAGE_ID;
import static hvemu.testsupport.Envelopes.request;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.WsmanClient;
import hvemu.testsupport.Xml;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the fault table, through HTTP: the SOAP code and subcode, the fault Action of the
 * subcode's family, the HRESULT, the fault detail, the message that says what was wrong, the
 * RelatesTo, and HTTP 500 (wire.md §5.2). After each, the server still answers.
 */
class FaultTableIT {
    private static final String ADDRESSING_FAULT = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    private static final String WSMAN_FAULT = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    private static final String TRANSFER_FAULT = "http://schemas.xmlsoap.org/ws/2004/09/transfer/fault";
    private static final String DETAIL = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
    private static final String PRIMORDIAL = "Microsoft:HV-NODE1\\B637F347-6A0E-4DEC-AF52-BD70CB80A21D";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    record Case(String name, String request, String contentType, String code, String subcode, String action,
            long hresult, String detail, String message, String relatesTo) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("MustUnderstand on an unknown header",
                        request(GET, "<x:Bogus xmlns:x=\"urn:bogus\" s:mustUnderstand=\"true\">1</x:Bogus>", ""),
                        "s:MustUnderstand", null, ADDRESSING_FAULT, 2150858768L, null, "{urn:bogus}Bogus"),
                row("MustUnderstand, unqualified attribute 1",
                        request(GET, "<x:Bogus xmlns:x=\"urn:bogus\" mustUnderstand=\"1\"/>", ""),
                        "s:MustUnderstand", null, ADDRESSING_FAULT, 2150858768L, null, "mustUnderstand"),
                row("ActionNotSupported",
                        request("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", "", ""),
                        "s:Sender", "a:ActionNotSupported", ADDRESSING_FAULT, 2150858771L, null,
                        "http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe"),
                new Case("InvalidMessageInformationHeader, negative timeout (pypsrp capture)",
                        Fixtures.shared("winrm-get-request-invalid-operationtimeout.xml"), null, "s:Sender",
                        "a:InvalidMessageInformationHeader", ADDRESSING_FAULT, 2150858767L, null,
                        "The XML contains an invalid timeout field in the SOAP header: PT-1S.",
                        "uuid:6292D774-84D1-4421-8A5E-0EE2EA3831DA"),
                row("InvalidMessageInformationHeader, two MessageIDs",
                        request(GET, "<a:MessageID>uuid:AAAAAAAA-0000-0000-0000-000000000000</a:MessageID>", ""),
                        "s:Sender", "a:InvalidMessageInformationHeader", ADDRESSING_FAULT, 2150858767L, null,
                        "more than one MessageID header"),
                new Case("MessageInformationHeaderRequired, no MessageID",
                        request(GET, "", "").replace("<a:MessageID>" + MESSAGE_ID + "</a:MessageID>", ""), null,
                        "s:Sender", "a:MessageInformationHeaderRequired", ADDRESSING_FAULT, 2150858769L, null,
                        "no MessageID header", null),
                row("MessageInformationHeaderRequired, no ReplyTo",
                        request(GET, "", "").replaceAll("<a:ReplyTo>.*?</a:ReplyTo>", ""),
                        "s:Sender", "a:MessageInformationHeaderRequired", ADDRESSING_FAULT, 2150858769L, null,
                        "no ReplyTo header"),
                row("SchemaValidationError, Enumerate without its body", request(ENUMERATE, "", ""),
                        "s:Sender", "w:SchemaValidationError", WSMAN_FAULT, 2150858817L, null,
                        "missing the element titled 'Enumerate'"),
                row("SchemaValidationError, body not well-formed",
                        request(GET, "", "<x:a xmlns:x=\"urn:x\"><x:b></x:a>"),
                        "s:Sender", "w:SchemaValidationError", WSMAN_FAULT, 2150858817L, null, "not well-formed"),
                row("EncodingLimit, MaxEnvelopeSize under 8192",
                        request(GET, "", "").replace(">512000<", ">4096<"),
                        "s:Sender", "w:EncodingLimit", WSMAN_FAULT, 2150858805L, DETAIL + "MinimumEnvelopeLimit",
                        "4096 bytes is below the minimum of 8192"),
                new Case("EncodingLimit, charset neither UTF-8 nor UTF-16", request(GET, "", ""),
                        "application/soap+xml;charset=ISO-8859-1", "s:Sender", "w:EncodingLimit", WSMAN_FAULT,
                        2150858796L, DETAIL + "CharacterSet", "UTF-8 or UTF-16, not ISO-8859-1", null),
                row("UnsupportedFeature, ReplyTo not anonymous",
                        request(GET, "", "").replace("<a:Address s:mustUnderstand=\"true\">" + Envelopes.ANONYMOUS,
                                "<a:Address s:mustUnderstand=\"true\">http://attacker.example/collect"),
                        "s:Sender", "w:UnsupportedFeature", WSMAN_FAULT, 2150858870L, DETAIL + "AddressingMode",
                        "http://attacker.example/collect"),
                row("UnsupportedFeature, Locale mustUnderstand",
                        request(GET, "", "").replace("xml:lang=\"en-US\" s:mustUnderstand=\"false\"",
                                "xml:lang=\"en-US\" s:mustUnderstand=\"true\""),
                        "s:Sender", "w:UnsupportedFeature", WSMAN_FAULT, 2150858887L, DETAIL + "Locale",
                        "Locale header must not be mustUnderstand"),
                row("UnsupportedFeature, FragmentTransfer",
                        request(GET, "<w:FragmentTransfer s:mustUnderstand=\"true\">JobState</w:FragmentTransfer>", ""),
                        "s:Sender", "w:UnsupportedFeature", WSMAN_FAULT, 2150858871L,
                        DETAIL + "FragmentLevelAccess", "fragment-level transfer"),
                row("AccessDenied, Put renaming a primordial pool",
                        Envelopes.transfer(Envelopes.PUT, Envelopes.wmi("CIM_ResourcePool"), pool("ElementName", "Mine"),
                                "InstanceID", PRIMORDIAL),
                        "s:Sender", "w:AccessDenied", WSMAN_FAULT, 2150859013L, null, "is primordial"),
                row("InvalidRepresentation, Put of a property the class lacks",
                        Envelopes.transfer(Envelopes.PUT, Envelopes.wmi("CIM_ResourcePool"), pool("Colour", "blue"),
                                "InstanceID", PRIMORDIAL),
                        "s:Sender", "x:InvalidRepresentation", TRANSFER_FAULT, 2150858773L, DETAIL + "InvalidValues",
                        "The class CIM_ResourcePool has no property Colour."),
                row("ActionNotSupported, Delete of a pool (ActionMismatch)",
                        Envelopes.transfer(Envelopes.DELETE, Envelopes.wmi("CIM_ResourcePool"), "", "InstanceID", PRIMORDIAL),
                        "s:Sender", "a:ActionNotSupported", ADDRESSING_FAULT, 2150858801L, DETAIL + "ActionMismatch",
                        "DeleteResourcePool"),
                new Case("DestinationUnreachable, unknown class (MS-WSMV 4.10)",
                        Fixtures.shared("mswsmv-4.10-get-request-unknown-class.xml"), null, "s:Sender",
                        "a:DestinationUnreachable", ADDRESSING_FAULT, 2150858752L, DETAIL + "InvalidResourceURI",
                        "namespace root/cimv2 does not exist", "uuid:B2C3F241-1C90-4B91-9D66-EEA0DEB81879"),
                new Case("VersionMismatch, SOAP 1.1 envelope",
                        "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>",
                        null, "s:VersionMismatch", null, ADDRESSING_FAULT, 2150858765L, null, "SOAP 1.2", null))
                .map(Arguments::of);
    }

    /** A CIM_ResourcePool body with one property. */
    private static String pool(String property, String value) {
        return "<p:CIM_ResourcePool xmlns:p=\"" + Envelopes.wmi("CIM_ResourcePool") + "\"><p:" + property + ">" + value
                + "</p:" + property + "></p:CIM_ResourcePool>";
    }

    private static Case row(String name, String request, String code, String subcode, String action, long hresult,
            String detail, String message) {
        return new Case(name, request, null, code, subcode, action, hresult, detail, message, MESSAGE_ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersWithItsFault(Case c) {
        WsmanClient client = emulator.client();
        if (c.contentType() != null) {
            client = client.header("Content-Type", c.contentType());
        }
        HttpExchange reply = client.post(c.request());

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.header("Content-Type")).isEqualTo("application/soap+xml;charset=UTF-8");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Body/s:Fault/s:Code/s:Value").isEqualTo(c.code());
        if (c.subcode() == null) {
            Xml.at(reply.body()).nodesByXPath("//s:Fault/s:Code/s:Subcode").doNotExist();
        } else {
            Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo(c.subcode());
        }
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(c.action());
        Xml.at(reply.body()).valueByXPath("//s:Detail/f:WSManFault/@Code").isEqualTo(Long.toString(c.hresult()));
        Xml.at(reply.body()).valueByXPath("//s:Detail/f:WSManFault/@Machine").isEqualTo("127.0.0.1");
        if (c.detail() == null) {
            Xml.at(reply.body()).nodesByXPath("//s:Detail/w:FaultDetail").doNotExist();
        } else {
            Xml.at(reply.body()).valueByXPath("//s:Detail/w:FaultDetail").isEqualTo(c.detail());
        }
        Xml.at(reply.body()).valueByXPath("//s:Detail/f:WSManFault/f:Message").contains(c.message());
        if (c.relatesTo() == null) {
            Xml.at(reply.body()).nodesByXPath("/s:Envelope/s:Header/a:RelatesTo").doNotExist();
        } else {
            Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(c.relatesTo());
        }
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(emulator.client().post(Envelopes.IDENTIFY).status()).as("still serving").isEqualTo(200);
    }
}
