package hvemu.wsman;

import static hvemu.testsupport.Envelopes.GET;
import static hvemu.testsupport.Envelopes.MESSAGE_ID;
import static hvemu.testsupport.Envelopes.request;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The variations real clients send (clients.md, "Cross-client findings"; wire.md §2.1), each read as
 * the same request. A Get of a resource that is not served answers with a fault that echoes the
 * request, so it shows what the service understood.
 */
class HeaderToleranceIT {
    private static final String NOT_FOUND = "a:DestinationUnreachable";
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static void assertUnderstood(HttpExchange reply, String relatesTo) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo(NOT_FOUND);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:RelatesTo").isEqualTo(relatesTo);
    }

    @ParameterizedTest(name = "envelope prefix {0}")
    @ValueSource(strings = {"env", "soap", "SOAP-ENV"})
    void readsEnvelopeWithAnyPrefix(String prefix) {
        String xml = request(GET, "", "").replace("xmlns:s=", "xmlns:" + prefix + "=")
                .replace("<s:", "<" + prefix + ":").replace("</s:", "</" + prefix + ":")
                .replace(" s:mustUnderstand", " " + prefix + ":mustUnderstand");
        assertUnderstood(emulator.client().post(xml), MESSAGE_ID);
    }

    @Test
    void readsDefaultNamespaceEnvelopeWithUnprefixedMustUnderstand() {
        // The npm wsman-messages builder writes <Envelope xmlns="...soap-envelope">; mustUnderstand is then unqualified.
        String xml = request(GET, "", "").replace("xmlns:s=", "xmlns=").replace("<s:", "<").replace("</s:", "</")
                .replace(" s:mustUnderstand", " mustUnderstand");
        assertUnderstood(emulator.client().post(xml), MESSAGE_ID);
    }

    @Test
    void readsOtherPrefixesForAddressingAndWsman() {
        String xml = request(GET, "", "").replace("xmlns:a=", "xmlns:wsa=").replace("<a:", "<wsa:")
                .replace("</a:", "</wsa:").replace("xmlns:w=", "xmlns:wsman=").replace("<w:", "<wsman:")
                .replace("</w:", "</wsman:");
        assertUnderstood(emulator.client().post(xml), MESSAGE_ID);
    }

    @ParameterizedTest(name = "mustUnderstand=\"{0}\" on an unknown header is ignored")
    @ValueSource(strings = {"false", "0", " false "})
    void ignoresUnknownHeadersThatNeedNotBeUnderstood(String value) {
        String xml = request(GET, "<x:Hint xmlns:x=\"urn:x\" s:mustUnderstand=\"" + value + "\"/>"
                + "<y:Hint xmlns:y=\"urn:y\" mustUnderstand=\"" + value + "\"/><z:Hint xmlns:z=\"urn:z\"/>", "");
        assertUnderstood(emulator.client().post(xml), MESSAGE_ID);
    }

    @Test
    void namesTheHeaderNotUnderstood() {
        HttpExchange reply = emulator.client().post(
                request(GET, "<x:Bogus xmlns:x=\"urn:bogus\" mustUnderstand=\"true\"/>", ""));
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/s:NotUnderstood/@qname").endsWith(":Bogus");
        // The QName's prefix resolves, in scope of the element, to the header's namespace.
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/s:NotUnderstood/namespace::*[name() = "
                + "substring-before(/s:Envelope/s:Header/s:NotUnderstood/@qname, ':')]").isEqualTo("urn:bogus");
    }

    @ParameterizedTest(name = "MessageID \"{0}\" echoed byte for byte")
    @ValueSource(strings = {"uuid:eaa98952-3188-458f-b265-b03ace115f20", "urn:uuid:6B0D1C4A-BCED-4CAE-981B-8DDA57181C9F",
            "6b0d1c4a-bced-4cae-981b-8dda57181c9f", "42", "0", "", "  uuid:padded  "})
    void echoesMessageIdVerbatim(String messageId) {
        String xml = request(GET, "", "").replace(MESSAGE_ID, messageId);
        assertUnderstood(emulator.client().post(xml), messageId);
    }

    @Test
    void writesReplyHeadersAsWindowsDoes() {
        HttpExchange reply = emulator.client().post(request(GET,
                "<p:SessionId s:mustUnderstand=\"false\">uuid:1F734FA4-F2E5-4B59-8517-4326F748204A</p:SessionId>"
                        + "<p:OperationID s:mustUnderstand=\"false\">uuid:4A6E8B13-E127-4048-8FE8-60347BA49E0D</p:OperationID>"
                        + "<p:SequenceId s:mustUnderstand=\"false\">1</p:SequenceId>"
                        + "<p:ActivityId s:mustUnderstand=\"false\">DEE76A48-606F-0001-F32F-EBDE6F60CD01</p:ActivityId>"
                        + "<p:DataLocale xml:lang=\"en-US\" s:mustUnderstand=\"false\"/>", ""));
        assertUnderstood(reply, MESSAGE_ID);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:MessageID")
                .matches("uuid:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:To").isEqualTo(Envelopes.ANONYMOUS);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/@xml:lang").isEqualTo("en-US");
        // A server without robust connections must not echo OperationID (MS-WSMV §3.1.4.1.39).
        Xml.at(reply.body()).nodesByXPath("//p:OperationID | //p:SequenceId | //p:SessionId").doNotExist();
    }

    @Test
    void trimsPrettyPrintedHeaderValues() {
        String xml = request(GET, "", "").replace(">" + GET + "<", ">\n   " + GET + "\n  <")
                .replace(">512000<", "> 512000 <");
        assertUnderstood(emulator.client().post(xml), MESSAGE_ID);
    }

    @Test
    void acceptsContentTypeWithActionParameter() {
        // winrm4j (Apache CXF) sends: application/soap+xml; action="..."; charset=UTF-8
        HttpExchange reply = emulator.client()
                .header("Content-Type", "application/soap+xml; action=\"" + GET + "\"; charset=UTF-8")
                .post(request(GET, "", ""));
        assertUnderstood(reply, MESSAGE_ID);
    }

    @Test
    void readsUtf16WithByteOrderMarkAndRepliesInUtf8() {
        byte[] utf16 = utf16WithBom("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Envelopes.IDENTIFY);
        for (String contentType : new String[] {"application/soap+xml;charset=UTF-16",
                "application/soap+xml;charset=UTF-8", "application/soap+xml"}) {
            HttpExchange reply = emulator.client().header("Content-Type", contentType).post(utf16);
            assertThat(reply.status()).as(contentType + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/soap+xml;charset=UTF-8");
            Xml.at(reply.body()).valueByXPath("//wsmid:ProductVendor").isEqualTo("Microsoft Corporation");
        }
    }

    @Test
    void servesW3cAddressingInKind() {
        // OpenNMS's client in WS-Man 1.2 mode speaks WS-Addressing 1.0 with urn:uuid: message IDs.
        String messageId = "urn:uuid:0c9a1cd8-6fd1-4a65-9a41-66a2e4bd1d52";
        String xml = request(GET, "", "")
                .replace("http://schemas.xmlsoap.org/ws/2004/08/addressing\"", "http://www.w3.org/2005/08/addressing\"")
                .replace(Envelopes.ANONYMOUS, "http://www.w3.org/2005/08/addressing/anonymous")
                .replace(MESSAGE_ID, messageId);
        HttpExchange reply = emulator.client().post(xml);
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo(NOT_FOUND);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/wsa10:RelatesTo").isEqualTo(messageId);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/wsa10:To")
                .isEqualTo("http://www.w3.org/2005/08/addressing/anonymous");
    }

    private static byte[] utf16WithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        byte[] body = out.toByteArray();
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        return withBom;
    }
}
