package hvemu.wsman;

import static hvemu.testsupport.Envelopes.JOB_URI;
import static hvemu.testsupport.Envelopes.request;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing by Action: Identify by its body, the WS-Transfer and WS-Enumeration Actions by the map,
 * {@code <ResourceURI>/<Method>} as Invoke, anything else {@code a:ActionNotSupported}. With no model
 * loaded yet, every routed resource operation finds no resource.
 */
class DispatchIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.open();

    private static String subcode(HttpExchange reply) {
        assertThat(reply.status()).isEqualTo(500);
        return Xml.at(reply.body()).valueByXPath("//s:Fault/s:Code/s:Subcode/s:Value").actual();
    }

    @Test
    void routesMethodActionsOfTheResourceToInvoke() {
        String invoke = request(JOB_URI + "/RequestStateChange", "",
                "<p:RequestStateChange_INPUT xmlns:p=\"" + JOB_URI + "\"><p:RequestedState>4</p:RequestedState>"
                        + "</p:RequestStateChange_INPUT>");
        assertThat(subcode(emulator.client().post(invoke))).isEqualTo("a:DestinationUnreachable");
    }

    @Test
    void matchesTheResourceUriOfAMethodActionWithoutRegardToCase() {
        String invoke = request(JOB_URI.toLowerCase() + "/GetError", "", "");
        assertThat(subcode(emulator.client().post(invoke))).isEqualTo("a:DestinationUnreachable");
    }

    @Test
    void refusesMethodActionsOfAnotherResource() {
        String other = request("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Process/Create", "", "");
        assertThat(subcode(emulator.client().post(other))).isEqualTo("a:ActionNotSupported");
    }

    @Test
    void refusesShellActions() {
        String command = request("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command", "", "");
        assertThat(subcode(emulator.client().post(command))).isEqualTo("a:ActionNotSupported");
    }

    @Test
    void recognisesIdentifyByItsBodyEvenWithAddressingHeaders() {
        String identify = request("http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity/Identify", "",
                "<wsmid:Identify xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\"/>");
        HttpExchange reply = emulator.client().post(identify);
        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).nodesByXPath("/s:Envelope/s:Body/wsmid:IdentifyResponse").exist();
    }

    @Test
    void routesEnumerationActionsWithTheirBodies() {
        String enumerate = request(Envelopes.ENUMERATE, "",
                "<n:Enumerate xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"/>");
        HttpExchange reply = emulator.client().post(enumerate);
        assertThat(reply.status()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse");
    }
}
