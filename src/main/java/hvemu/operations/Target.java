package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.Schema;
import hvemu.operations.codec.ResourceUri;
import hvemu.operations.codec.SelectorBinder;
import hvemu.provider.ProviderRegistry;

/**
 * A request's resource URI resolved to a class of the served namespace, and its selectors to the path
 * of an instance.
 */
record Target(ResourceUri uri, CimClass cls, ObjectPath path) {
    /**
     * Resolves the request's address.
     *
     * @throws OperationException {@code a:DestinationUnreachable} for a namespace or class not served,
     *     {@code w:InvalidSelectors} for selectors that do not address an instance of the class
     */
    static Target resolve(Schema schema, OperationRequest request) throws OperationException {
        ResourceUri uri = ResourceUri.parse(request.resourceUri(), request.selectors());
        CimClass cls = classOf(schema, uri);
        return new Target(uri, cls, SelectorBinder.bind(schema.namespace(), schema, cls, request.selectors()));
    }

    /**
     * Returns the instance the target addresses, from the provider of its class.
     *
     * @throws OperationException {@code a:DestinationUnreachable} when there is none
     */
    CimInstance instance(ProviderRegistry providers) throws OperationException {
        return providers.instances(cls.name()).get(path).orElseThrow(() -> new OperationException(
                FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI, CimStatus.NOT_FOUND,
                "No instance " + path + " exists."));
    }

    /**
     * Returns the class a resource URI names in the served namespace.
     *
     * @throws OperationException {@code a:DestinationUnreachable} for a namespace or class not served
     */
    static CimClass classOf(Schema schema, ResourceUri uri) throws OperationException {
        requireNamespace(schema, uri);
        return schema.find(uri.className()).orElseThrow(() -> new OperationException(
                FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI, CimStatus.INVALID_CLASS,
                "The class " + uri.className() + " does not exist in " + schema.namespace() + "."));
    }

    /** Checks that the URI names the namespace the schema serves ({@code a:DestinationUnreachable} if not). */
    static void requireNamespace(Schema schema, ResourceUri uri) throws OperationException {
        if (!uri.isIn(schema.namespace())) {
            throw new OperationException(FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI,
                    CimStatus.INVALID_NAMESPACE, "The namespace " + uri.namespacePath()
                            + " does not exist; the service serves " + schema.namespace() + ".");
        }
    }
}
