package hvemu.wsman;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Reads the prolog of a request document: what stands before its root element. */
final class Prolog {
    private static final int MAX_DESCRIPTION = 200;

    private Prolog() {
    }

    /**
     * Returns true when the document declares a DOCTYPE before its root element, or when {@code head}
     * is a full window ({@code truncated}) that holds no root element (a prolog that long is refused).
     */
    static boolean hasDoctype(byte[] head, Charset declared, boolean truncated) {
        String text = new String(head, charsetOf(head, declared));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                if (end < 0) {
                    return truncated;
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                if (end < 0) {
                    return truncated;
                }
                i = end + 3;
            } else {
                return text.startsWith("<!", i);
            }
        }
        return false;
    }

    /** UTF-16 is told by its byte order mark whatever the Content-Type says (wire.md §6). */
    static Charset charsetOf(byte[] head, Charset declared) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return StandardCharsets.UTF_16;
        }
        return declared;
    }

    /** Returns a short description of a parse failure: the parser's own message, first line, bounded. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > MAX_DESCRIPTION ? message.substring(0, MAX_DESCRIPTION) + "..." : message;
    }
}
