package hvemu.wsman;

import hvemu.operations.Namespaces;
import hvemu.operations.BodyWriter;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import hvemu.operations.XmlBindings;
import hvemu.wsman.binding.fault.MessageType;
import hvemu.wsman.binding.fault.WSManFault;
import hvemu.wsman.binding.soap.Detail;
import hvemu.wsman.binding.soap.Fault;
import hvemu.wsman.binding.soap.Faultcode;
import hvemu.wsman.binding.soap.Faultreason;
import hvemu.wsman.binding.soap.Reasontext;
import hvemu.wsman.binding.soap.Subcode;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Builds the body and extra headers of WS-Man fault replies from the {@link FaultTable} (wire.md §5.1).
 *
 * <p>The body is an {@code s:Fault} with Code, Subcode, Reason (Windows' text for the kind) and a Detail
 * holding {@code w:FaultDetail} when there is one and {@code f:WSManFault} with the decimal HRESULT,
 * the machine name and the message that says what was wrong; for the MI client, the Detail holds
 * {@code MSFT_WmiError} instead ({@link WmiErrorDetail}).
 */
final class Faults {
    private static final XmlBindings BINDINGS = XmlBindings.of(
            hvemu.wsman.binding.soap.ObjectFactory.class, hvemu.wsman.binding.wsman.ObjectFactory.class,
            hvemu.wsman.binding.fault.ObjectFactory.class, hvemu.wsman.binding.addressing.ObjectFactory.class,
            hvemu.wsman.binding.enumeration.ObjectFactory.class, hvemu.wsman.binding.transfer.ObjectFactory.class);
    private static final hvemu.wsman.binding.wsman.ObjectFactory WSMAN = new hvemu.wsman.binding.wsman.ObjectFactory();
    private static final String WINDOWS_PREFIX = "The WS-Management service cannot process the request. ";

    private Faults() {
    }

    /**
     * Returns the body of a fault.
     *
     * <p>The detail is {@code w:FaultDetail} (when there is one) and {@code f:WSManFault}; for the MI client
     * it is {@code MSFT_WmiError} alone, as Windows answers it (fixture
     * winrm-fault-msft-wmierror-quotalimit-response.xml) and OMI, the server the MI client was built against,
     * writes its CIM errors (WSBuf_CreateFaultResponsePage, Unix/wsman/wsbuf.c).
     *
     * @param failure the kind, detail, CIM status and message (what was wrong, as a sentence; Windows'
     *     lead-in is added when it lacks one)
     * @param machine the machine name to report, as the client addressed the service
     * @param miClient whether the request came from the MI client ({@link MiClient})
     */
    static BodyWriter body(OperationException failure, String machine, boolean miClient) {
        FaultKind kind = failure.kind();
        FaultDetail detail = failure.detail();
        FaultTable.Row row = FaultTable.row(kind);
        Fault fault = new Fault();
        Faultcode code = new Faultcode();
        code.setValue(row.code());
        if (row.subcode() != null) {
            Subcode sub = new Subcode();
            sub.setValue(row.subcode());
            code.setSubcode(sub);
        }
        fault.setCode(code);
        Faultreason reason = new Faultreason();
        Reasontext text = new Reasontext();
        text.setLang("en-US");
        // Windows ends every reason and message with a space (fixtures winrm-fault-*.xml).
        text.setValue(row.reason() + " ");
        reason.getText().add(text);
        fault.setReason(reason);

        String message = failure.getMessage();
        String full = message.startsWith("The WS-Management service") ? message : WINDOWS_PREFIX + message;
        Detail d = new Detail();
        if (miClient) {
            WmiErrorTable.Row wmi = WmiErrorTable.row(kind, detail, failure.cimStatusCode());
            // WMI's errors speak for themselves ("Invalid class"); WinRM's own begin with its lead-in.
            d.getAny().add(WmiErrorDetail.of(wmi, spaced(wmi.wmi() ? message : full)));
        } else {
            if (detail != null) {
                d.getAny().add(WSMAN.createFaultDetail(detail.uri()));
            }
            WSManFault wsmanFault = new WSManFault();
            wsmanFault.setCode(FaultTable.hresult(kind, detail));
            wsmanFault.setMachine(machine);
            MessageType m = new MessageType();
            m.getContent().add(spaced(full));
            wsmanFault.setMessage(m);
            d.getAny().add(wsmanFault);
        }
        fault.setDetail(d);
        return BINDINGS.writer(fault);
    }

    private static String spaced(String message) {
        return message.endsWith(" ") ? message : message + " ";
    }

    /**
     * Returns the s:NotUnderstood header blocks naming each header that was not understood, each with a
     * prefixed QName and its own declaration, as Windows writes them ({@code qname="wsman:ResourceUri"},
     * fixture winrm-fault-mustunderstand-response.xml).
     */
    static BodyWriter notUnderstood(List<QName> headers) {
        return out -> {
            for (QName name : headers) {
                String prefix = name.getNamespaceURI().isEmpty() ? "" : "h";
                out.writeStartElement("s", "NotUnderstood", Namespaces.SOAP);
                if (!prefix.isEmpty()) {
                    out.writeNamespace(prefix, name.getNamespaceURI());
                }
                out.writeAttribute("qname", prefix.isEmpty() ? name.getLocalPart() : prefix + ":" + name.getLocalPart());
                out.writeEndElement();
            }
        };
    }

    /** Returns the fault Action of a kind. */
    static String action(FaultKind kind) {
        return FaultTable.row(kind).action();
    }
}
