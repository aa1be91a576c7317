package hvemu.cim.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits MOF text into tokens, skipping white space and comments. */
final class MofLexer {
    enum Kind { IDENT, ALIAS, STRING, INTEGER, REAL, PUNCT, PRAGMA, EOF }

    record Token(Kind kind, String text, MofException.Position position) {
        boolean is(String punctOrWord) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equalsIgnoreCase(punctOrWord);
        }
    }

    private final String source;
    private final String text;
    private int i;
    private int line = 1;
    private int column = 1;

    MofLexer(String source, String text) {
        this.source = source;
        this.text = text;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            MofException.Position at = here();
            if (i >= text.length()) {
                out.add(new Token(Kind.EOF, "", at));
                return out;
            }
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                out.add(new Token(Kind.IDENT, word(), at));
            } else if (c == '$') {
                advance();
                out.add(new Token(Kind.ALIAS, word(), at));
            } else if (c == '#') {
                advance();
                String w = word();
                if (!w.equals("pragma")) {
                    throw new MofException(at, "unknown directive #" + w);
                }
                out.add(new Token(Kind.PRAGMA, w, at));
            } else if (c == '"') {
                out.add(new Token(Kind.STRING, string(at), at));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                out.add(number(at));
            } else if ("{}[]();,=:".indexOf(c) >= 0) {
                advance();
                out.add(new Token(Kind.PUNCT, String.valueOf(c), at));
            } else {
                throw new MofException(at, "unexpected character '" + c + "'");
            }
        }
    }

    private MofException.Position here() {
        return new MofException.Position(source, line, column);
    }

    private void advance() {
        if (text.charAt(i) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        i++;
    }

    private void skipSpaceAndComments() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                advance();
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    advance();
                }
            } else if (text.startsWith("/*", i)) {
                MofException.Position at = here();
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new MofException(at, "comment not closed");
                }
                while (i < end + 2) {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private String word() {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            advance();
        }
        return text.substring(start, i);
    }

    private String string(MofException.Position at) {
        StringBuilder out = new StringBuilder();
        advance();
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new MofException(at, "string not closed");
            }
            char c = text.charAt(i);
            advance();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (i >= text.length()) {
                    throw new MofException(at, "string not closed");
                }
                char e = text.charAt(i);
                advance();
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '"', '\\', '\'' -> out.append(e);
                    default -> throw new MofException(here(), "unknown escape \\" + e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private Token number(MofException.Position at) {
        int start = i;
        advance();
        boolean real = false;
        if (text.startsWith("0x", start) || text.startsWith("0X", start)) {
            advance();
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                advance();
            }
            return new Token(Kind.INTEGER, Long.toString(Long.parseLong(text.substring(start + 2, i), 16)), at);
        }
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                || text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            real |= !Character.isDigit(text.charAt(i));
            advance();
        }
        return new Token(real ? Kind.REAL : Kind.INTEGER, text.substring(start, i), at);
    }
}
