package hvemu.operations.codec;

import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import hvemu.operations.Selector;
import java.util.List;

/**
 * A resource URI read as a CIM class in a namespace, in one of WinRM's two styles (wire.md §4.1):
 * WMI ({@code .../wsman/1/wmi/root/HyperVCluster/v2/Msvm_ConcreteJob}) or DMTF
 * ({@code .../wscim/1/cim-schema/2/Msvm_ConcreteJob} with a {@code __cimnamespace} selector).
 *
 * <p>It renders other classes' URIs in the same style, with the namespace path as the client wrote it,
 * so that replies are in the request's style.
 *
 * @param dmtf whether the request used the DMTF style
 * @param namespacePath the namespace as the client wrote it ({@code root/HyperVCluster/v2})
 * @param className the class, as the client wrote it
 */
public record ResourceUri(boolean dmtf, String namespacePath, String className) {
    /** The selector that carries the namespace with DMTF URIs. */
    public static final String CIM_NAMESPACE = "__cimnamespace";
    /** The DMTF-style wildcard the MI client and wsl use for queries, with __cimnamespace (wire.md §4.1). */
    public static final String ALL_CLASSES = "http://schemas.dmtf.org/wbem/wscim/1/*";

    /**
     * Reads a request's resource URI and its {@code __cimnamespace} selector.
     *
     * @throws OperationException {@code a:DestinationUnreachable} when the URI names no CIM class, and
     *     {@code w:InternalError} when a WMI URI and its __cimnamespace disagree (MS-WSMV &lt;46&gt;)
     */
    public static ResourceUri parse(String uri, List<Selector> selectors) throws OperationException {
        if (uri == null) {
            throw unreachable("The request has no ResourceURI header, so the service cannot find the resource.");
        }
        String cimNamespace = selectors.stream().filter(s -> s.name().equalsIgnoreCase(CIM_NAMESPACE))
                .map(Selector::value).findFirst().orElse(null);
        if (startsWithIgnoreCase(uri, Namespaces.WMI_URI)) {
            String rest = uri.substring(Namespaces.WMI_URI.length());
            int slash = rest.lastIndexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw unreachable("The resource URI names no class: " + uri);
            }
            String namespace = rest.substring(0, slash);
            if (cimNamespace != null && !sameNamespace(cimNamespace, namespace)) {
                throw new OperationException(FaultKind.INTERNAL_ERROR, "The __cimnamespace selector " + cimNamespace
                        + " does not match the namespace of the resource URI, " + namespace + ".");
            }
            return new ResourceUri(false, namespace, rest.substring(slash + 1));
        }
        if (uri.equalsIgnoreCase(ALL_CLASSES)) {
            return new ResourceUri(true, cimNamespace == null ? "root/hardware" : cimNamespace, "*");
        }
        if (startsWithIgnoreCase(uri, Namespaces.DMTF_URI)) {
            String className = uri.substring(Namespaces.DMTF_URI.length());
            if (className.isEmpty() || className.contains("/")) {
                throw unreachable("The resource URI names no class: " + uri);
            }
            // Without __cimnamespace Windows looks in root/hardware (MS-WSMV §3.1.4.1.1).
            return new ResourceUri(true, cimNamespace == null ? "root/hardware" : cimNamespace, className);
        }
        throw unreachable("The service cannot find the resource identified by the resource URI and selectors: " + uri);
    }

    /** Returns true when the namespace is {@code namespace} (case-insensitive, either slash). */
    public boolean isIn(String namespace) {
        return sameNamespace(namespacePath, namespace);
    }

    /** Returns the resource URI of a class in this style: the XML namespace of its instances too. */
    public String classUri(String otherClass) {
        return (dmtf ? Namespaces.DMTF_URI : Namespaces.WMI_URI + namespacePath + "/") + otherClass;
    }

    private static boolean sameNamespace(String a, String b) {
        return a.replace('\\', '/').equalsIgnoreCase(b.replace('\\', '/'));
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static OperationException unreachable(String message) {
        return new OperationException(FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI, message);
    }
}
