package hvemu.cim.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses WQL as WinRM's clients write it (wire.md §3.3): keywords and names in any case, strings in
 * {@code '…'} or {@code "…"}, {@code SELECT * | p1, p2 FROM Class [WHERE …]} with comparisons, AND, OR,
 * NOT, parentheses, LIKE, IS [NOT] NULL and ISA; {@code ASSOCIATORS OF {Class.Key="v",…} [WHERE AssocClass =
 * X ResultClass = Y Role = R ResultRole = S]}; {@code REFERENCES OF {…} [WHERE ResultClass = X Role = R]}.
 * CQL's simple SELECTs parse the same way.
 */
public final class WqlParser {
    private final String text;
    private final List<Token> tokens;
    private int p;

    private record Token(String kind, String text, Object value, int at) {
        boolean word(String w) {
            return kind.equals("word") && text.equalsIgnoreCase(w);
        }

        boolean sym(String s) {
            return kind.equals("sym") && text.equals(s);
        }
    }

    private WqlParser(String text) throws WqlException {
        this.text = text;
        this.tokens = lex(text);
    }

    /** Parses a query. */
    public static Query parse(String query) throws WqlException {
        return new WqlParser(query.trim()).query();
    }

    private Query query() throws WqlException {
        Query q;
        if (peek().word("SELECT")) {
            q = select();
        } else if (peek().word("ASSOCIATORS")) {
            q = associators();
        } else if (peek().word("REFERENCES")) {
            q = references();
        } else {
            throw error("a query starts with SELECT, ASSOCIATORS OF or REFERENCES OF");
        }
        if (!peek().kind().equals("end")) {
            throw error("unexpected '" + peek().text() + "'");
        }
        return q;
    }

    private Query select() throws WqlException {
        next();
        List<String> properties = new ArrayList<>();
        if (accept("*")) {
            // every property
        } else {
            do {
                if (peek().word("FROM")) {
                    throw error("expected a property name or *");
                }
                properties.add(name("a property name"));
            } while (accept(","));
        }
        keyword("FROM");
        String cls = name("a class name");
        Expr where = null;
        if (peek().word("WHERE")) {
            next();
            where = or();
        }
        return new Query.Select(properties, cls, where);
    }

    private Expr or() throws WqlException {
        Expr left = and();
        while (peek().word("OR")) {
            next();
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() throws WqlException {
        Expr left = unary();
        while (peek().word("AND")) {
            next();
            left = new Expr.And(left, unary());
        }
        return left;
    }

    private Expr unary() throws WqlException {
        if (peek().word("NOT")) {
            next();
            return new Expr.Not(unary());
        }
        if (accept("(")) {
            Expr e = or();
            expect(")");
            return e;
        }
        String property = name("a property name");
        Token t = next();
        if (t.word("IS")) {
            boolean negated = peek().word("NOT");
            if (negated) {
                next();
            }
            keyword("NULL");
            return new Expr.IsNull(property, negated);
        }
        if (t.word("NOT") && peek().word("LIKE")) {
            next();
            return new Expr.Like(property, string("a LIKE pattern"), true);
        }
        if (t.word("LIKE")) {
            return new Expr.Like(property, string("a LIKE pattern"), false);
        }
        if (t.word("ISA")) {
            Token c = next();
            if (!c.kind().equals("string") && !c.kind().equals("word")) {
                throw error(c, "ISA needs a class name");
            }
            return new Expr.Isa(property, c.kind().equals("string") ? (String) c.value() : c.text());
        }
        Expr.Op op = switch (t.kind().equals("sym") ? t.text() : "") {
            case "=" -> Expr.Op.EQ;
            case "<>", "!=" -> Expr.Op.NE;
            case "<" -> Expr.Op.LT;
            case "<=" -> Expr.Op.LE;
            case ">" -> Expr.Op.GT;
            case ">=" -> Expr.Op.GE;
            default -> throw error(t, "expected a comparison, LIKE, IS or ISA after " + property);
        };
        return new Expr.Compare(property, op, literal());
    }

    private Object literal() throws WqlException {
        Token t = next();
        return switch (t.kind()) {
            case "string", "number" -> t.value();
            case "word" -> {
                if (t.word("TRUE")) {
                    yield Boolean.TRUE;
                }
                if (t.word("FALSE")) {
                    yield Boolean.FALSE;
                }
                if (t.word("NULL")) {
                    throw error(t, "compare with NULL by IS NULL");
                }
                throw error(t, "expected a value, found '" + t.text() + "' (strings are quoted)");
            }
            default -> throw error(t, "expected a value");
        };
    }

    private Query associators() throws WqlException {
        next();
        keyword("OF");
        Object[] object = objectPath();
        Map<String, String> where = clauses("AssocClass", "ResultClass", "Role", "ResultRole");
        return new Query.Associators((String) object[0], cast(object[1]), where.get("assocclass"), where.get("resultclass"),
                where.get("role"), where.get("resultrole"));
    }

    private Query references() throws WqlException {
        next();
        keyword("OF");
        Object[] object = objectPath();
        Map<String, String> where = clauses("ResultClass", "Role");
        return new Query.References((String) object[0], cast(object[1]), where.get("resultclass"), where.get("role"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cast(Object o) {
        return (Map<String, String>) o;
    }

    /** {@code {Class.Key="v",Key2='w'}} or {@code {Class="v"}}; a leading {@code \\host\ns:} is dropped. */
    private Object[] objectPath() throws WqlException {
        Token open = next();
        if (!open.kind().equals("path")) {
            throw error(open, "expected an object path in braces, such as {Msvm_ConcreteJob.InstanceID='…'}");
        }
        String path = (String) open.value();
        int colon = path.indexOf(':');
        if (colon >= 0 && path.startsWith("\\\\")) {
            path = path.substring(colon + 1);
        }
        int dot = path.indexOf('.');
        String cls = (dot < 0 ? path.substring(0, Math.max(0, path.indexOf('='))) : path.substring(0, dot)).trim();
        Map<String, String> keys = new LinkedHashMap<>();
        WqlParser keysParser = new WqlParser(dot < 0 ? "" : path.substring(dot + 1));
        while (!keysParser.peek().kind().equals("end")) {
            String k = keysParser.name("a key name");
            keysParser.expect("=");
            Token v = keysParser.next();
            if (!v.kind().equals("string") && !v.kind().equals("number")) {
                throw error(open, "the key " + k + " has no value");
            }
            keys.put(k, String.valueOf(v.value()));
            if (!keysParser.accept(",")) {
                break;
            }
        }
        if (cls.isEmpty()) {
            throw error(open, "the object path names no class");
        }
        return new Object[] {cls, keys};
    }

    private Map<String, String> clauses(String... allowed) throws WqlException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!peek().word("WHERE")) {
            return out;
        }
        next();
        while (!peek().kind().equals("end")) {
            String k = name("a clause such as " + String.join(", ", allowed));
            boolean known = false;
            for (String a : allowed) {
                known |= a.equalsIgnoreCase(k);
            }
            if (!known) {
                throw error("the clause " + k + " is not supported; use " + String.join(", ", allowed));
            }
            expect("=");
            Token v = next();
            out.put(k.toLowerCase(Locale.ROOT), v.kind().equals("string") ? (String) v.value() : v.text());
        }
        return out;
    }

    private String name(String what) throws WqlException {
        Token t = next();
        if (!t.kind().equals("word")) {
            throw error(t, "expected " + what);
        }
        return t.text();
    }

    private String string(String what) throws WqlException {
        Token t = next();
        if (!t.kind().equals("string")) {
            throw error(t, "expected " + what + " in quotes");
        }
        return (String) t.value();
    }

    private void keyword(String w) throws WqlException {
        Token t = next();
        if (!t.word(w)) {
            throw error(t, "expected " + w);
        }
    }

    private boolean accept(String sym) {
        if (peek().sym(sym)) {
            p++;
            return true;
        }
        return false;
    }

    private void expect(String sym) throws WqlException {
        if (!accept(sym)) {
            throw error(peek(), "expected '" + sym + "'");
        }
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token next() {
        Token t = tokens.get(p);
        if (!t.kind().equals("end")) {
            p++;
        }
        return t;
    }

    private WqlException error(String message) {
        return error(peek(), message);
    }

    private WqlException error(Token t, String message) {
        return new WqlException("Invalid query at character " + (t.at() + 1) + ": " + message + ". Query: " + text);
    }

    private static List<Token> lex(String s) throws WqlException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token("word", s.substring(start, i), null, start));
            } else if (c == '\'' || c == '"') {
                int start = i++;
                StringBuilder v = new StringBuilder();
                while (true) {
                    if (i >= s.length()) {
                        throw new WqlException("Invalid query at character " + (start + 1) + ": a string is not closed. Query: " + s);
                    }
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length()) {
                        v.append(s.charAt(i++));
                    } else if (d == c) {
                        if (i < s.length() && s.charAt(i) == c) {
                            v.append(c);
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        v.append(d);
                    }
                }
                out.add(new Token("string", s.substring(start, i), v.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String n = s.substring(start, i);
                out.add(new Token("number", n, n.contains(".") ? (Object) Double.valueOf(n) : Long.valueOf(n), start));
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new WqlException("Invalid query at character " + (i + 1) + ": '{' is not closed. Query: " + s);
                }
                out.add(new Token("path", s.substring(i, end + 1), s.substring(i + 1, end).trim(), i));
                i = end + 1;
            } else if (s.startsWith("<>", i) || s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                out.add(new Token("sym", s.substring(i, i + 2), null, i));
                i += 2;
            } else if ("=<>(),*.".indexOf(c) >= 0) {
                out.add(new Token("sym", String.valueOf(c), null, i));
                i++;
            } else {
                throw new WqlException("Invalid query at character " + (i + 1) + ": unexpected '" + c + "'. Query: " + s);
            }
        }
        out.add(new Token("end", "", null, s.length()));
        return out;
    }
}
