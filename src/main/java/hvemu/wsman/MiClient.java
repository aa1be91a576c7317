package hvemu.wsman;

import com.sun.xml.ws.api.message.Header;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.MessageHeaders;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationRequest;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells requests of the MI client (PowerShell's CIM cmdlets over WS-Man) from all others, by their
 * {@code w:OptionSet}: the MI client names {@code msftwinrm:UsePreciseArrays} or an {@code __MI_} option
 * ({@code __MI_CallbackRegistration}, {@code wmiarray:__MI_OPERATIONOPTIONS_CHANNELVALUE},
 * {@code wmiarray:__MIInstanceModifiedPropertiesList}, ...) in every request it was captured sending
 * (fixtures mi-client-*.xml, mswsmv-4.11.*-mi-client-*.xml; wire.md §4.5), and no other client sends them
 * (wire.md §2.1). It gets its faults with an {@code MSFT_WmiError} detail.
 *
 * <p>It is asked only when a fault is written. The options are read leniently, from the raw header, so
 * that a fault about any other header still goes to the MI client in its form; a header that cannot be
 * read counts as no option.
 */
final class MiClient {
    private static final String PRECISE_ARRAYS = OperationRequest.USE_PRECISE_ARRAYS.toLowerCase(Locale.ROOT);

    private MiClient() {
    }

    /** Returns true when the request's options are the MI client's. */
    static boolean sent(Message request) {
        Header options;
        try {
            MessageHeaders headers = request.getHeaders();
            options = headers.get(Namespaces.WSMAN, "OptionSet", false);
        } catch (RuntimeException e) {
            return false;
        }
        if (options == null) {
            return false;
        }
        try {
            XMLStreamReader r = options.readHeader();
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Option")
                        && Namespaces.WSMAN.equals(r.getNamespaceURI()) && isMiOption(r.getAttributeValue(null, "Name"))) {
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    /** An option of the MI client: {@code msftwinrm:UsePreciseArrays}, or {@code [prefix:]__MI...}. */
    static boolean isMiOption(String name) {
        if (name == null) {
            return false;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals(PRECISE_ARRAYS) || n.substring(n.indexOf(':') + 1).startsWith("__mi");
    }
}
