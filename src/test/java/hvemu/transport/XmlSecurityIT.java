package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML reader refuses DTDs and external entities and bounds depth; the server keeps serving. */
class XmlSecurityIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static void assertRefused(HttpExchange reply, String why) {
        assertThat(reply.status()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").isEqualTo("w:SchemaValidationError");
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").containsIgnoringCase(why);
        assertThat(emulator.client().post(Envelopes.IDENTIFY).status()).as("still serving").isEqualTo(200);
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + Envelopes.request(Envelopes.GET, "", "<x:v xmlns:x=\"urn:x\">&xxe;</x:v>");
        HttpExchange reply = emulator.client().post(xxe);
        assertRefused(reply, "document type declaration");
        assertThat(reply.body()).doesNotContain("root:");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertRefused(emulator.client().post(dtd + Envelopes.request(Envelopes.GET, "", "<x:v xmlns:x=\"urn:x\">&l9;</x:v>")),
                "document type declaration");
    }

    @Test
    void refusesDoctypeAfterComments() {
        String xml = "<?xml version=\"1.0\"?><!-- c --> <?pi x?><!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                + Envelopes.IDENTIFY;
        assertRefused(emulator.client().post(xml), "document type declaration");
    }

    @Test
    void boundsElementDepth() {
        String deep = "<x:d xmlns:x=\"urn:x\">".repeat(5000) + "</x:d>".repeat(5000);
        assertRefused(emulator.client().post(Envelopes.request(Envelopes.GET, "", deep)), "depth");
    }
}
