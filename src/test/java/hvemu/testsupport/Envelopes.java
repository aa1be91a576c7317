package hvemu.testsupport;

/**
 * Request envelopes as WinRM clients write them (wire.md §3.2), for tests that vary one part.
 *
 * <p>{@link #request(String, String, String)} writes the usual headers: To, ResourceURI, ReplyTo,
 * Action, MaxEnvelopeSize, MessageID, Locale, OperationTimeout; {@code extraHeaders} go at the end of
 * the header.
 */
public final class Envelopes {
    public static final String NS = "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
            + " xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\"";
    public static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public static final String GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public static final String PUT = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
    public static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    public static final String ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public static final String JOB_URI =
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/Msvm_ConcreteJob";
    public static final String MESSAGE_ID = "uuid:2C1D4D2B-2BB4-4E5C-A3A9-8B2E2F0F6D31";
    public static final String IDENTIFY = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\">"
            + "<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>";

    private Envelopes() {
    }

    /** The WMI-style URI of a class in the served namespace. */
    public static String wmi(String className) {
        return "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/" + className;
    }

    /** The DMTF-style URI of a class (with a __cimnamespace selector). */
    public static String dmtf(String className) {
        return "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/" + className;
    }

    /** A Get of {@code resourceUri} with the given selectors ({@code name, value, name, value...}). */
    public static String get(String resourceUri, String... selectors) {
        StringBuilder set = new StringBuilder("<w:SelectorSet>");
        for (int i = 0; i < selectors.length; i += 2) {
            set.append("<w:Selector Name=\"").append(selectors[i]).append("\">").append(selectors[i + 1])
                    .append("</w:Selector>");
        }
        set.append("</w:SelectorSet>");
        return request(GET, "", "").replace(JOB_URI, resourceUri)
                .replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", java.util.regex.Matcher.quoteReplacement(set.toString()));
    }

    /**
     * A WS-Transfer request (Get, Put, Delete) of {@code resourceUri} with the given selectors
     * ({@code name, value, name, value...}) and body content.
     */
    public static String transfer(String action, String resourceUri, String body, String... selectors) {
        StringBuilder set = new StringBuilder("<w:SelectorSet>");
        for (int i = 0; i < selectors.length; i += 2) {
            set.append("<w:Selector Name=\"").append(selectors[i]).append("\">").append(selectors[i + 1])
                    .append("</w:Selector>");
        }
        set.append("</w:SelectorSet>");
        return request(action, "", "").replace(JOB_URI, resourceUri)
                .replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", java.util.regex.Matcher.quoteReplacement(set.toString()))
                .replace("<s:Body></s:Body>", "<s:Body>" + body + "</s:Body>");
    }

    /** A selector holding an endpoint reference (a REF key) with the given EPR children. */
    public static String refSelector(String name, String eprChildren) {
        return "<w:Selector Name=\"" + name + "\"><a:EndpointReference>" + eprChildren + "</a:EndpointReference></w:Selector>";
    }

    /** A Get with a literal SelectorSet content. */
    public static String getWith(String resourceUri, String selectorSetContent) {
        return request(GET, "", "").replace(JOB_URI, resourceUri).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>",
                java.util.regex.Matcher.quoteReplacement("<w:SelectorSet>" + selectorSetContent + "</w:SelectorSet>"));
    }

    /** EPR children addressing an instance by its InstanceID. */
    public static String eprOf(String className, String instanceId) {
        return "<a:Address>" + ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>" + wmi(className)
                + "</w:ResourceURI><w:SelectorSet><w:Selector Name=\"InstanceID\">" + instanceId
                + "</w:Selector></w:SelectorSet></a:ReferenceParameters>";
    }

    /** A Get of a job, with the usual headers. */
    public static String get() {
        return request(GET, "", "");
    }

    /** A request with the usual headers plus {@code extraHeaders}, and the given body content. */
    public static String request(String action, String extraHeaders, String body) {
        return "<s:Envelope " + NS + "><s:Header>"
                + "<a:To>http://127.0.0.1:5985/wsman</a:To>"
                + "<w:ResourceURI s:mustUnderstand=\"true\">" + JOB_URI + "</w:ResourceURI>"
                + "<a:ReplyTo><a:Address s:mustUnderstand=\"true\">" + ANONYMOUS + "</a:Address></a:ReplyTo>"
                + "<a:Action s:mustUnderstand=\"true\">" + action + "</a:Action>"
                + "<w:MaxEnvelopeSize s:mustUnderstand=\"true\">512000</w:MaxEnvelopeSize>"
                + "<a:MessageID>" + MESSAGE_ID + "</a:MessageID>"
                + "<w:Locale xml:lang=\"en-US\" s:mustUnderstand=\"false\"/>"
                + "<w:SelectorSet><w:Selector Name=\"InstanceID\">9D1C4A3E</w:Selector></w:SelectorSet>"
                + "<w:OperationTimeout>PT60.000S</w:OperationTimeout>"
                + extraHeaders
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }
}
