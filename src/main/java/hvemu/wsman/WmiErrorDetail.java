package hvemu.wsman;

import hvemu.operations.Namespaces;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@code MSFT_WmiError} fault detail that Windows gives the MI client (wire.md §5.1, variant 2;
 * fixtures winrm-fault-msft-wmierror-*.xml): a CIM_Error instance in the DMTF class namespace, marked
 * {@code b:IsCIM_Error="true"}, every property typed with {@code xsi:type="cim:cim..."}, in the order
 * and with the constant values Windows writes.
 *
 * <p>PowerShell's CIM cmdlets read MessageID as the error's FullyQualifiedErrorId and error_Category as
 * its category (CimCmdlets/CimWriteError.cs), Message as its text, CIMStatusCode as the exception's
 * StatusCode.
 */
final class WmiErrorDetail {
    /** The class namespace of the detail element. */
    static final String NAMESPACE = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();

    static {
        DOCUMENTS.setNamespaceAware(true);
    }

    private WmiErrorDetail() {
    }

    /**
     * Returns the detail element.
     *
     * @param message what was wrong, as the client shows it
     */
    static Element of(WmiErrorTable.Row row, String message) {
        Element e = newDocument().createElementNS(NAMESPACE, "p:MSFT_WmiError");
        e.setAttributeNS(XMLNS, "xmlns:p", NAMESPACE);
        e.setAttributeNS(XMLNS, "xmlns:b", Namespaces.CIM_BINDING);
        e.setAttributeNS(XMLNS, "xmlns:xsi", Namespaces.XSI);
        e.setAttributeNS(XMLNS, "xmlns:cim", Namespaces.CIM);
        e.setAttributeNS(Namespaces.CIM_BINDING, "b:IsCIM_Error", "true");
        e.setAttributeNS(Namespaces.XSI, "xsi:type", "p:MSFT_WmiError_Type");
        String hresult = Long.toString(row.hresult());
        // Windows' order (ordinal: the error_ properties after the CIM_Error ones) and its constant values.
        property(e, "CIMStatusCode", "cimUnsignedInt", Integer.toString(row.cimStatus()));
        property(e, "CIMStatusCodeDescription", "cimString", null);
        property(e, "ErrorSource", "cimString", null);
        property(e, "ErrorSourceFormat", "cimUnsignedShort", "0");
        property(e, "ErrorType", "cimUnsignedShort", "0");
        property(e, "Message", "cimString", message);
        property(e, "MessageID", "cimString", "HRESULT 0x" + Long.toHexString(row.hresult()).toLowerCase(Locale.ROOT));
        property(e, "OtherErrorSourceFormat", "cimString", null);
        property(e, "OtherErrorType", "cimString", null);
        property(e, "OwningEntity", "cimString", null);
        property(e, "PerceivedSeverity", "cimUnsignedShort", "0");
        property(e, "ProbableCause", "cimUnsignedShort", "0");
        property(e, "ProbableCauseDescription", "cimString", null);
        property(e, "error_Category", "cimUnsignedInt", Integer.toString(row.category()));
        property(e, "error_Code", "cimUnsignedInt", hresult);
        property(e, "error_Type", "cimString", "HRESULT");
        property(e, "error_WindowsErrorMessage", "cimString", message);
        return e;
    }

    private static void property(Element parent, String name, String type, String value) {
        Element p = parent.getOwnerDocument().createElementNS(NAMESPACE, "p:" + name);
        p.setAttributeNS(Namespaces.XSI, "xsi:type", "cim:" + type);
        if (value == null) {
            p.setAttributeNS(Namespaces.XSI, "xsi:nil", "true");
        } else {
            p.setTextContent(value);
        }
        parent.appendChild(p);
    }

    private static Document newDocument() {
        try {
            return DOCUMENTS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }
}
