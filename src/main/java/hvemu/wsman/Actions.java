package hvemu.wsman;

import hvemu.operations.Namespaces;
/** The Action URIs of the operations hvemu routes (wire.md §1). */
public final class Actions {
    private static final String TRANSFER = Namespaces.TRANSFER + "/";
    private static final String ENUMERATION = Namespaces.ENUMERATION + "/";

    public static final String GET = TRANSFER + "Get";
    public static final String PUT = TRANSFER + "Put";
    public static final String CREATE = TRANSFER + "Create";
    public static final String DELETE = TRANSFER + "Delete";
    public static final String ENUMERATE = ENUMERATION + "Enumerate";
    public static final String PULL = ENUMERATION + "Pull";
    public static final String RELEASE = ENUMERATION + "Release";

    public static final String FAULT_ADDRESSING = Namespaces.ADDRESSING + "/fault";
    public static final String FAULT_WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public static final String FAULT_ENUMERATION = ENUMERATION + "fault";
    public static final String FAULT_TRANSFER = TRANSFER + "fault";

    private Actions() {
    }

    /** Returns the Action of the reply to a request Action: the request Action plus "Response". */
    public static String response(String requestAction) {
        return requestAction + "Response";
    }
}
