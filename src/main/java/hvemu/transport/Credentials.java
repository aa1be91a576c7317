package hvemu.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password, and the HTTP Basic check against them (RFC 7617).
 *
 * <p>User names compare case-insensitively, as Windows account names do; passwords compare exactly and
 * in constant time.
 */
public record Credentials(String user, String password) {
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user must not be empty");
        }
    }

    /** Returns true when an {@code Authorization} header carries these credentials with the Basic scheme. */
    public boolean acceptsBasic(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = decoded.substring(0, colon).equalsIgnoreCase(user);
        boolean passwordMatches = MessageDigest.isEqual(
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
