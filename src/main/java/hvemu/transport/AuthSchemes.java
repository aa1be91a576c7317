package hvemu.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which HTTP authentication schemes the service accepts, as WinRM's {@code Auth/Basic} and
 * {@code Auth/Negotiate} settings say: Basic (RFC 7617) and Negotiate (RFC 4559, NTLM inside), each on or
 * off. Both are on by default. They matter only when the service has credentials.
 *
 * @param basic whether {@code Authorization: Basic} is accepted
 * @param negotiate whether {@code Authorization: Negotiate} (NTLM, raw or in SPNEGO) is accepted
 */
public record AuthSchemes(boolean basic, boolean negotiate) {
    /** Basic and Negotiate. */
    public static final AuthSchemes DEFAULT = new AuthSchemes(true, true);
    static final String BASIC_CHALLENGE = "Basic realm=\"WSMAN\"";
    static final String NEGOTIATE_CHALLENGE = "Negotiate";

    public AuthSchemes {
        if (!basic && !negotiate) {
            throw new IllegalArgumentException("no authentication scheme: enable basic, negotiate or both");
        }
    }

    /**
     * Reads a comma-separated list of scheme names, {@code basic} and {@code negotiate}, case-insensitively.
     *
     * @throws IllegalArgumentException for another name or an empty list
     */
    public static AuthSchemes parse(String list) {
        boolean basic = false;
        boolean negotiate = false;
        for (String name : list.split(",")) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "basic" -> basic = true;
                case "negotiate" -> negotiate = true;
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown authentication scheme '" + name.strip()
                        + "': use basic, negotiate or both");
            }
        }
        return new AuthSchemes(basic, negotiate);
    }

    /**
     * Returns the {@code WWW-Authenticate} values of a 401, Negotiate first as Windows sends them; Basic
     * only where {@code basicOffered} (it is not offered over plain HTTP where it would be refused).
     */
    List<String> challenges(boolean basicOffered) {
        List<String> values = new ArrayList<>(2);
        if (negotiate) {
            values.add(NEGOTIATE_CHALLENGE);
        }
        if (basic && basicOffered) {
            values.add(BASIC_CHALLENGE);
        }
        return values;
    }

    @Override
    public String toString() {
        return basic && negotiate ? "basic,negotiate" : basic ? "basic" : "negotiate";
    }
}
