package hvemu.cim.schema;

import hvemu.cim.CimParameter;
import hvemu.cim.CimType;
import hvemu.cim.Qualifiers;
import hvemu.cim.schema.MofDeclarations.AliasRef;
import hvemu.cim.schema.MofDeclarations.Assignment;
import hvemu.cim.schema.MofDeclarations.ClassDecl;
import hvemu.cim.schema.MofDeclarations.InstanceDecl;
import hvemu.cim.schema.MofDeclarations.MethodDecl;
import hvemu.cim.schema.MofDeclarations.PropertyDecl;
import hvemu.cim.schema.MofLexer.Kind;
import hvemu.cim.schema.MofLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the MOF subset hvemu uses (mof/README.md): {@code #pragma namespace} and {@code include},
 * qualifier lists, class declarations with properties, references and methods, and {@code instance of}
 * declarations with aliases. Every error names the file, line and column.
 */
final class MofParser {
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final MofSource source;
    private final List<Token> tokens;
    private final MofDeclarations out;
    private final int depth;
    private int p;

    private MofParser(MofSource source, MofDeclarations out, int depth) {
        this.source = source;
        this.tokens = new MofLexer(source.name(), source.read()).tokens();
        this.out = out;
        this.depth = depth;
    }

    /** Parses a source and everything it includes into {@code out}. */
    static void parse(MofSource source, MofDeclarations out) {
        new MofParser(source, out, 0).file();
    }

    private void file() {
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.PRAGMA) {
                pragma();
                continue;
            }
            Map<String, Object> qualifiers = peek().is("[") ? qualifierList() : Map.of();
            Token t = next();
            if (t.is("class")) {
                classDecl(Qualifiers.of(qualifiers), t.position());
            } else if (t.is("instance")) {
                instanceDecl(t.position());
            } else {
                throw error(t, "expected 'class' or 'instance of', found '" + t.text() + "'");
            }
        }
    }

    private void pragma() {
        Token at = next();
        Token name = expect(Kind.IDENT, "pragma name");
        expect("(");
        String value = string();
        expect(")");
        switch (name.text().toLowerCase()) {
            case "namespace" -> out.namespace = value;
            case "include" -> {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    throw error(at, "includes nest deeper than " + MAX_INCLUDE_DEPTH);
                }
                MofSource included = source.resolve(value);
                try {
                    new MofParser(included, out, depth + 1).file();
                } catch (java.io.UncheckedIOException e) {
                    throw error(at, "cannot include \"" + value + "\": " + e.getMessage());
                }
            }
            default -> { }
        }
    }

    private void classDecl(Qualifiers qualifiers, MofException.Position at) {
        String name = expect(Kind.IDENT, "class name").text();
        String superclass = null;
        if (accept(":")) {
            superclass = expect(Kind.IDENT, "superclass name").text();
        }
        expect("{");
        List<PropertyDecl> properties = new ArrayList<>();
        List<MethodDecl> methods = new ArrayList<>();
        while (!accept("}")) {
            Map<String, Object> q = peek().is("[") ? qualifierList() : Map.of();
            TypeRef typeRef = typeRef("a type or class name");
            CimType type = typeRef.type();
            String referenceClass = typeRef.referenceClass();
            Token nameToken = expect(Kind.IDENT, "a property or method name");
            if (peek().is("(")) {
                methods.add(new MethodDecl(nameToken.text(), type, parameters(), Qualifiers.of(q), nameToken.position()));
            } else {
                boolean array = arraySuffix();
                Object defaultValue = null;
                if (accept("=")) {
                    Token valueToken = peek();
                    defaultValue = Values.coerce(value(), type, array, valueToken.position(), nameToken.text());
                }
                properties.add(new PropertyDecl(nameToken.text(), type, referenceClass, array, defaultValue,
                        Qualifiers.of(q), nameToken.position()));
            }
            expect(";");
        }
        expect(";");
        out.classes.add(new ClassDecl(name, superclass, qualifiers, properties, methods, at));
    }

    private List<CimParameter> parameters() {
        expect("(");
        List<CimParameter> params = new ArrayList<>();
        if (accept(")")) {
            return params;
        }
        do {
            Map<String, Object> q = peek().is("[") ? qualifierList() : Map.of();
            TypeRef typeRef = typeRef("a parameter type");
            CimType type = typeRef.type();
            String referenceClass = typeRef.referenceClass();
            String name = expect(Kind.IDENT, "a parameter name").text();
            boolean array = arraySuffix();
            Qualifiers qualifiers = Qualifiers.of(q);
            boolean in = !Boolean.FALSE.equals(qualifiers.get("IN")) && (qualifiers.get("IN") != null
                    || qualifiers.get("OUT") == null);
            params.add(new CimParameter(name, type, referenceClass, array, in, qualifiers.is("OUT"), qualifiers));
        } while (accept(","));
        expect(")");
        return params;
    }

    /** A data type, or a class name followed by REF. */
    private record TypeRef(CimType type, String referenceClass) {
    }

    private TypeRef typeRef(String what) {
        Token t = expect(Kind.IDENT, what);
        CimType type = CimType.ofMofName(t.text());
        if (type != null) {
            return new TypeRef(type, null);
        }
        if (!peek().is("ref")) {
            throw error(t, "unknown type '" + t.text() + "'");
        }
        next();
        return new TypeRef(CimType.REFERENCE, t.text());
    }

    private boolean arraySuffix() {
        if (accept("[")) {
            expect("]");
            return true;
        }
        return false;
    }

    private void instanceDecl(MofException.Position at) {
        Token of = next();
        if (!of.is("of")) {
            throw error(of, "expected 'of' after 'instance'");
        }
        String className = expect(Kind.IDENT, "class name").text();
        String alias = null;
        if (peek().is("as")) {
            next();
            alias = expect(Kind.ALIAS, "an alias such as $Name").text();
        }
        expect("{");
        List<Assignment> assignments = new ArrayList<>();
        while (!accept("}")) {
            Token name = expect(Kind.IDENT, "a property name");
            expect("=");
            assignments.add(new Assignment(name.text(), value(), name.position()));
            expect(";");
        }
        expect(";");
        out.instances.add(new InstanceDecl(className, alias, assignments, at));
    }

    /** A literal, an array literal, or an alias. */
    private Object value() {
        if (accept("{")) {
            List<Object> items = new ArrayList<>();
            if (accept("}")) {
                return items;
            }
            do {
                items.add(value());
            } while (accept(","));
            expect("}");
            return items;
        }
        Token t = next();
        return switch (t.kind()) {
            case STRING -> {
                StringBuilder s = new StringBuilder(t.text());
                while (peek().kind() == Kind.STRING) {
                    s.append(next().text());
                }
                yield s.toString();
            }
            case INTEGER -> Long.parseLong(t.text().startsWith("+") ? t.text().substring(1) : t.text());
            case REAL -> Double.parseDouble(t.text());
            case ALIAS -> new AliasRef(t.text());
            case IDENT -> {
                if (t.is("true")) {
                    yield Boolean.TRUE;
                }
                if (t.is("false")) {
                    yield Boolean.FALSE;
                }
                if (t.is("null")) {
                    yield Values.NULL;
                }
                throw error(t, "expected a value, found '" + t.text() + "'");
            }
            default -> throw error(t, "expected a value, found '" + t.text() + "'");
        };
    }

    private Map<String, Object> qualifierList() {
        expect("[");
        Map<String, Object> qualifiers = new LinkedHashMap<>();
        do {
            Token name = expect(Kind.IDENT, "a qualifier name");
            Object v = Boolean.TRUE;
            if (accept("(")) {
                v = value();
                expect(")");
            } else if (peek().is("{")) {
                v = value();
            }
            qualifiers.put(name.text(), v == Values.NULL ? null : v);
        } while (accept(","));
        expect("]");
        return qualifiers;
    }

    private String string() {
        Token t = expect(Kind.STRING, "a string");
        StringBuilder s = new StringBuilder(t.text());
        while (peek().kind() == Kind.STRING) {
            s.append(next().text());
        }
        return s.toString();
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token next() {
        Token t = tokens.get(p);
        if (t.kind() != Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (peek().kind() == Kind.PUNCT && peek().text().equals(punct)) {
            p++;
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) {
            throw error(peek(), "expected '" + punct + "', found " + describe(peek()));
        }
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + describe(t));
        }
        return next();
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "the end of the file" : "'" + t.text() + "'";
    }

    private static MofException error(Token t, String message) {
        return new MofException(t.position(), message);
    }
}
