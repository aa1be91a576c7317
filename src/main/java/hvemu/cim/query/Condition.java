package hvemu.cim.query;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A WHERE condition checked against the class it filters and compiled into a predicate, with WMI's
 * rules: strings compare without regard to case, a comparison with a property that has no value is
 * false, numbers compare by value whatever their CIM type, a quoted number compares with a numeric
 * property, {@code LIKE} takes {@code %}, {@code _}, {@code [set]} and {@code [^set]}, and {@code ISA}
 * tests {@code __CLASS} or the class a reference refers to against the schema's inheritance.
 */
public final class Condition {
    /** The system property that holds an instance's class name. */
    public static final String CLASS = "__CLASS";

    private final Predicate<Row> test;
    private final Map<String, Object> keyEqualities;

    private Condition(Predicate<Row> test, Map<String, Object> keyEqualities) {
        this.test = test;
        this.keyEqualities = keyEqualities;
    }

    /**
     * Compiles a condition (null for none) over a class.
     *
     * @throws WqlException when it names a property the class lacks, compares an array, or tests ISA
     *         against a class the schema does not hold
     */
    public static Condition compile(Schema schema, CimClass cls, Expr where) throws WqlException {
        if (where == null) {
            return new Condition(i -> true, Map.of());
        }
        return new Condition(new Compiler(schema, cls).compile(where), keys(cls, where));
    }

    /**
     * What the condition reads: a property's value by its name as the schema spells it, and
     * {@link #CLASS} for the class name. The condition knows nothing of where values are kept.
     */
    @FunctionalInterface
    public interface Row {
        Object get(String property);
    }

    /** Returns true when the row satisfies the condition. */
    public boolean test(Row row) {
        return test.test(row);
    }

    /** Returns true when the instance satisfies the condition. */
    public boolean test(CimInstance instance) {
        return test.test(name -> CLASS.equals(name) ? instance.className() : instance.get(name));
    }

    /**
     * Returns the key values of the one instance the condition can match, when it is a conjunction that
     * sets every key of the class equal to a value of the key's type; otherwise empty. A caller may look
     * that instance up rather than scan the class, and must still {@link #test} it.
     */
    public Optional<Map<String, Object>> keyLookup(CimClass cls) {
        return !cls.keys().isEmpty() && keyEqualities.size() == cls.keys().size()
                ? Optional.of(keyEqualities) : Optional.empty();
    }

    private static Map<String, Object> keys(CimClass cls, Expr where) {
        Map<String, Object> found = new LinkedHashMap<>();
        if (!collectKeys(cls, where, found)) {
            return Map.of();
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (CimProperty key : cls.keys()) {
            Object v = found.get(key.name());
            if (v == null) {
                return Map.of();
            }
            ordered.put(key.name(), v);
        }
        return ordered;
    }

    /** Collects {@code key = literal} terms of a conjunction; false when the value cannot be a key's. */
    private static boolean collectKeys(CimClass cls, Expr e, Map<String, Object> found) {
        if (e instanceof Expr.And and) {
            return collectKeys(cls, and.left(), found) && collectKeys(cls, and.right(), found);
        }
        if (e instanceof Expr.Compare c && c.op() == Expr.Op.EQ) {
            Optional<CimProperty> p = cls.property(c.property());
            if (p.isPresent() && p.get().isKey() && p.get().type() != CimType.REFERENCE && !p.get().array()) {
                try {
                    Object value = p.get().type().parse(String.valueOf(c.literal()));
                    Object previous = found.putIfAbsent(p.get().name(), value);
                    return previous == null || previous.equals(value);
                } catch (IllegalArgumentException notOfTheKeyType) {
                    return true;
                }
            }
        }
        return true;
    }

    private record Compiler(Schema schema, CimClass cls) {
        Predicate<Row> compile(Expr e) throws WqlException {
            if (e instanceof Expr.And and) {
                Predicate<Row> l = compile(and.left());
                Predicate<Row> r = compile(and.right());
                return i -> l.test(i) && r.test(i);
            }
            if (e instanceof Expr.Or or) {
                Predicate<Row> l = compile(or.left());
                Predicate<Row> r = compile(or.right());
                return i -> l.test(i) || r.test(i);
            }
            if (e instanceof Expr.Not not) {
                return compile(not.operand()).negate();
            }
            if (e instanceof Expr.IsNull n) {
                Lookup lookup = lookup(n.property());
                return n.negated() ? i -> lookup.value(i) != null : i -> lookup.value(i) == null;
            }
            if (e instanceof Expr.Like like) {
                Lookup lookup = scalar(like.property());
                Pattern pattern = like(like.pattern());
                return i -> {
                    Object v = lookup.value(i);
                    return v != null && pattern.matcher(String.valueOf(v)).matches() != like.negated();
                };
            }
            if (e instanceof Expr.Isa isa) {
                return isa(isa);
            }
            return compare((Expr.Compare) e);
        }

        private Predicate<Row> isa(Expr.Isa isa) throws WqlException {
            CimClass target = schema.find(isa.className()).orElseThrow(() -> new WqlException(
                    "Invalid query: ISA names the class " + isa.className() + ", which does not exist in "
                            + schema.namespace() + "."));
            if (isa.property().equalsIgnoreCase(CLASS)) {
                return i -> schema.isA(String.valueOf(i.get(CLASS)), target.name());
            }
            CimProperty p = property(isa.property());
            if (p.type() != CimType.REFERENCE) {
                throw new WqlException("Invalid query: ISA tests __CLASS or a reference property; " + p.name()
                        + " is " + p.type().mofName() + ".");
            }
            String name = p.name();
            return i -> i.get(name) instanceof ObjectPath ref && schema.isA(ref.className(), target.name());
        }

        private Predicate<Row> compare(Expr.Compare c) throws WqlException {
            if (c.property().equalsIgnoreCase(CLASS)) {
                return compared(i -> i.get(CLASS), CimType.STRING, c);
            }
            CimProperty p = property(c.property());
            if (p.type() == CimType.REFERENCE) {
                throw new WqlException("Invalid query: " + p.name() + " is a reference; find related instances with "
                        + "ASSOCIATORS OF or REFERENCES OF.");
            }
            Lookup lookup = scalar(c.property());
            return compared(lookup, p.type(), c);
        }

        private static Predicate<Row> compared(Lookup lookup, CimType type, Expr.Compare c)
                throws WqlException {
            Object literal = literal(type, c.literal());
            Expr.Op op = c.op();
            return i -> {
                Object v = lookup.value(i);
                if (v == null) {
                    return false;
                }
                int order = order(v, literal);
                return switch (op) {
                    case EQ -> order == 0;
                    case NE -> order != 0;
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    case GE -> order >= 0;
                };
            };
        }

        /** Turns the written literal into a value of the property's type, as WMI coerces it. */
        private static Object literal(CimType type, Object literal) throws WqlException {
            if (type == CimType.BOOLEAN) {
                if (literal instanceof Boolean) {
                    return literal;
                }
                if (literal instanceof Long n) {
                    return n != 0;
                }
                try {
                    return type.parse(String.valueOf(literal));
                } catch (IllegalArgumentException e) {
                    throw new WqlException("Invalid query: " + literal + " is not a boolean.");
                }
            }
            if (type.isInteger() || type == CimType.REAL32 || type == CimType.REAL64) {
                if (literal instanceof Number) {
                    return literal;
                }
                if (literal instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
                try {
                    String text = ((String) literal).trim();
                    return text.contains(".") ? (Object) Double.valueOf(text) : Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new WqlException("Invalid query: '" + literal + "' is not a number.");
                }
            }
            return String.valueOf(literal);
        }

        private static int order(Object value, Object literal) {
            if (value instanceof Number a && literal instanceof Number b) {
                return a instanceof Double || b instanceof Double
                        ? Double.compare(a.doubleValue(), b.doubleValue())
                        : Long.compare(a.longValue(), b.longValue());
            }
            if (value instanceof Boolean a && literal instanceof Boolean b) {
                return Boolean.compare(a, b);
            }
            return String.valueOf(value).compareToIgnoreCase(String.valueOf(literal));
        }

        private Lookup scalar(String name) throws WqlException {
            Lookup lookup = lookup(name);
            if (!name.equalsIgnoreCase(CLASS) && property(name).array()) {
                throw new WqlException("Invalid query: " + property(name).name() + " is an array, which WQL cannot "
                        + "compare.");
            }
            return lookup;
        }

        private Lookup lookup(String name) throws WqlException {
            if (name.equalsIgnoreCase(CLASS)) {
                return i -> i.get(CLASS);
            }
            String exact = property(name).name();
            return i -> i.get(exact);
        }

        private CimProperty property(String name) throws WqlException {
            return cls.property(name).orElseThrow(() -> new WqlException("Invalid query: the class " + cls.name()
                    + " has no property " + name + "."));
        }

        /** Translates a WQL LIKE pattern into an anchored, case-insensitive regular expression. */
        private static Pattern like(String pattern) throws WqlException {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                switch (c) {
                    case '%' -> re.append(".*");
                    case '_' -> re.append('.');
                    case '[' -> {
                        int end = pattern.indexOf(']', i + 1);
                        if (end < 0) {
                            throw new WqlException("Invalid query: the LIKE pattern " + pattern + " opens '[' without ']'.");
                        }
                        String set = pattern.substring(i + 1, end);
                        boolean negated = set.startsWith("^");
                        StringBuilder cls = new StringBuilder(negated ? "[^" : "[");
                        for (char s : (negated ? set.substring(1) : set).toCharArray()) {
                            cls.append("\\[]^&".indexOf(s) >= 0 ? "\\" + s : String.valueOf(s));
                        }
                        re.append(cls).append(']');
                        i = end;
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }

    @FunctionalInterface
    private interface Lookup {
        Object value(Row row);
    }
}
