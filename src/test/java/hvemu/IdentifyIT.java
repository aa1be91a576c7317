package hvemu;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Identify reports the configured vendor and version, hiding the OS version from anonymous clients. */
class IdentifyIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.credentials("u", "p")
            .productVendor("Contoso Emulation").productVersion("OS: 10.0.26100 SP: 0.0 Stack: 3.0"));

    @Test
    void reportsTheConfiguredVendorAndVersion() {
        HttpExchange reply = emulator.client().basic("u", "p").post(Fixtures.shared("winrm-identify-request.xml"));
        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("//wsmid:ProductVendor").isEqualTo("Contoso Emulation");
        Xml.at(reply.body()).valueByXPath("//wsmid:ProductVersion").isEqualTo("OS: 10.0.26100 SP: 0.0 Stack: 3.0");
        Xml.at(reply.body()).valueByXPath("//wsmid:ProtocolVersion").isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    }

    @Test
    void hidesTheOsVersionButKeepsTheStackForAnonymousClients() {
        HttpExchange reply = emulator.client().header("WSMANIDENTIFY", "unauthenticated").post(Envelopes.IDENTIFY);
        Xml.at(reply.body()).valueByXPath("//wsmid:ProductVersion").isEqualTo("OS: 0.0.0 SP: 0.0 Stack: 3.0");
        Xml.at(reply.body()).valueByXPath("//wsmid:ProductVendor").isEqualTo("Contoso Emulation");
        Xml.at(reply.body()).nodesByXPath("//wsmid:SecurityProfiles").doNotExist();
    }

    @Test
    void answersWithoutAddressingHeaders() {
        HttpExchange reply = emulator.client().basic("u", "p").post(Envelopes.IDENTIFY);
        Xml.at(reply.body()).nodesByXPath("/s:Envelope/s:Header/*").doNotExist();
    }
}
