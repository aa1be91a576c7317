package hvemu.transport;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one rule for HTTP Basic on this server, for the WS-Man endpoint and the admin API alike: with no
 * credentials configured everything is open; otherwise Basic must be enabled ({@code --auth}), may not travel
 * over plain HTTP beyond loopback without {@code --allow-unencrypted} (pywinrm #59 and #79, packer #6205:
 * Windows answers 401 there while AllowUnencrypted is false), and must name the configured user and password.
 */
record BasicCheck(Credentials credentials, boolean basicOverHttp, AuthSchemes schemes) {
    /** What the rule says of one request. */
    enum Verdict {
        /** Open service, or the right credentials. */
        ACCEPTED,
        /** Basic may not be used for this request at all: disabled, or plain HTTP where that is refused. */
        NOT_HERE,
        /** Basic may be used, and the request's credentials are missing or wrong. */
        REFUSED
    }

    Verdict check(HttpServletRequest request) {
        if (credentials == null) {
            return Verdict.ACCEPTED;
        }
        if (!schemes.basic() || !request.isSecure() && !basicOverHttp) {
            return Verdict.NOT_HERE;
        }
        return credentials.acceptsBasic(request.getHeader("Authorization")) ? Verdict.ACCEPTED : Verdict.REFUSED;
    }
}
