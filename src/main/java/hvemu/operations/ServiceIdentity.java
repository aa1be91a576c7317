package hvemu.operations;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service says of itself in Identify: vendor, version and the security profiles it offers.
 *
 * @param productVendor {@code wsmid:ProductVendor}, "Microsoft Corporation" by default
 * @param productVersion {@code wsmid:ProductVersion} for authenticated requests, in Windows' form
 *     {@code OS: <version> SP: <sp> Stack: <stack>}
 * @param httpProfiles the {@code wsmid:SecurityProfileName} URIs the plain HTTP listener offers
 * @param httpsProfiles the {@code wsmid:SecurityProfileName} URIs the HTTPS listener offers
 */
public record ServiceIdentity(String productVendor, String productVersion, List<String> httpProfiles,
        List<String> httpsProfiles) {
    /** Windows Server 2022, the oldest release with the current Hyper-V cluster provider in support. */
    public static final String DEFAULT_PRODUCT_VERSION = "OS: 10.0.20348 SP: 0.0 Stack: 3.0";
    /** The vendor every Windows WinRM service reports. */
    public static final String DEFAULT_PRODUCT_VENDOR = "Microsoft Corporation";
    /** Profile name of HTTP Basic authentication (DSP0226 Annex C.3.1). */
    public static final String HTTP_BASIC = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic";
    /** Profile name of HTTP Basic authentication over TLS (DSP0226 Annex C.3.3; MS-WSMV 2.2.4.34). */
    public static final String HTTPS_BASIC = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic";
    /**
     * Profile name of Negotiate over HTTP, with message encryption (DSP0226 1.0 §12.14; MS-WSMAN §5.1), which
     * Windows lists for Negotiate whether Kerberos or NTLM runs inside (fixture
     * winrm-identify-response-authenticated.xml).
     */
    public static final String HTTP_SPNEGO_KERBEROS = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos";
    /** Profile name of Negotiate over TLS (DSP0226 1.0 §12.12). */
    public static final String HTTPS_SPNEGO_KERBEROS = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/spnego-kerberos";

    private static final Pattern WINDOWS_VERSION = Pattern.compile("OS: \\S+ SP: \\S+ (Stack: .*)");

    public ServiceIdentity {
        Objects.requireNonNull(productVendor, "productVendor");
        Objects.requireNonNull(productVersion, "productVersion");
        httpProfiles = List.copyOf(httpProfiles);
        httpsProfiles = List.copyOf(httpsProfiles);
    }

    /** Returns the profiles of the listener a request arrived on: the HTTPS one when {@code secure}. */
    public List<String> securityProfiles(boolean secure) {
        return secure ? httpsProfiles : httpProfiles;
    }

    /**
     * Returns the version an unauthenticated client sees: Windows hides the OS and service pack
     * ({@code OS: 0.0.0 SP: 0.0}) and keeps the stack version (fixture
     * winrm-identify-response-unauthenticated.xml).
     */
    public String anonymousProductVersion() {
        Matcher m = WINDOWS_VERSION.matcher(productVersion);
        return m.matches() ? "OS: 0.0.0 SP: 0.0 " + m.group(1) : productVersion;
    }
}
