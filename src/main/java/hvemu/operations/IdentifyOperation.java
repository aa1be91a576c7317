package hvemu.operations;

import hvemu.wsman.binding.identity.IdentifyResponse;
import hvemu.wsman.binding.identity.ObjectFactory;
import java.util.List;

/**
 * WS-Man Identify (DSP0226 §11): protocol version, vendor and product version, and for authenticated
 * clients the security profiles of the listener the request arrived on (HTTP or HTTPS).
 *
 * <p>Unauthenticated requests ({@code WSMANIDENTIFY: unauthenticated}) get the OS version hidden and no
 * security profiles, as Windows answers them (wire.md §3.1). The reply has no addressing headers.
 */
public final class IdentifyOperation implements Operation {
    /** The only protocol version WinRM reports. */
    public static final String PROTOCOL_VERSION = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private static final XmlBindings BINDINGS = XmlBindings.of(ObjectFactory.class);

    private final ServiceIdentity identity;

    public IdentifyOperation(ServiceIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Reply execute(OperationRequest request) {
        IdentifyResponse response = new IdentifyResponse();
        response.getProtocolVersion().add(PROTOCOL_VERSION);
        response.setProductVendor(identity.productVendor());
        if (request.authenticated()) {
            response.setProductVersion(identity.productVersion());
            List<String> offered = identity.securityProfiles(request.secure());
            if (!offered.isEmpty()) {
                IdentifyResponse.SecurityProfiles profiles = new IdentifyResponse.SecurityProfiles();
                profiles.getSecurityProfileName().addAll(offered);
                response.setSecurityProfiles(profiles);
            }
        } else {
            response.setProductVersion(identity.anonymousProductVersion());
        }
        return new Reply(null, BINDINGS.writer(response));
    }
}
