package hvemu.cim.query;

/** A WHERE condition. */
public sealed interface Expr {
    /** The comparison operators. */
    enum Op { EQ, NE, LT, LE, GT, GE }

    /** {@code property op literal}; the literal is a String, Long, Double or Boolean. */
    record Compare(String property, Op op, Object literal) implements Expr {
    }

    /** {@code property [NOT] LIKE 'pattern'} with {@code %} and {@code _}. */
    record Like(String property, String pattern, boolean negated) implements Expr {
    }

    /** {@code property IS [NOT] NULL}. */
    record IsNull(String property, boolean negated) implements Expr {
    }

    /** {@code property ISA 'Class'}: the instance's class ({@code __CLASS}) or a reference's class is the class or derives from it. */
    record Isa(String property, String className) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }
}
