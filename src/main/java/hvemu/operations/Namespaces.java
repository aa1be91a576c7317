package hvemu.operations;

/** Namespace URIs of the WS-Management message parts (wire.md §1). */
public final class Namespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String ADDRESSING_W3C = "http://www.w3.org/2005/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String MSFT = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String EVENTING = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public static final String IDENTITY = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static final String WSMAN_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public static final String CIM_BINDING = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    /** Resource URIs of WMI classes: this, the namespace path, a slash and the class (wire.md §4.1). */
    public static final String WMI_URI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    /** Resource URIs of classes in the DMTF style, with the namespace in a __cimnamespace selector. */
    public static final String DMTF_URI = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    /**
     * The resource of class declarations in CIM-XML, with {@code __cimnamespace} and {@code ClassName}
     * selectors (wire.md §4.1; the MI client's GetClass, fixture mi-client-getclass-request.xml).
     */
    public static final String CIM_XML_URI = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";

    private Namespaces() {
    }
}
