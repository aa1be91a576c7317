package hvemu.cim.schema;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimType;
import java.util.ArrayList;
import java.util.List;

/** Turns MOF literals into values of a property's type, or says why they are not. */
final class Values {
    /** The NULL literal, distinct from "no value given". */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private Values() {
    }

    /** Returns the literal as a value of the type, or throws a MofException at {@code at}. */
    static Object coerce(Object literal, CimType type, boolean array, MofException.Position at, String property) {
        if (literal == NULL || literal == null) {
            return null;
        }
        if (array) {
            if (!(literal instanceof List<?> items)) {
                throw new MofException(at, property + " is an array: give its value as {…}");
            }
            List<Object> values = new ArrayList<>();
            for (Object item : items) {
                values.add(coerce(item, type, false, at, property));
            }
            return List.copyOf(values);
        }
        if (literal instanceof List<?>) {
            throw new MofException(at, property + " is not an array");
        }
        try {
            return switch (type) {
                case BOOLEAN -> (Boolean) literal;
                case STRING -> (String) literal;
                case CHAR16 -> {
                    String s = (String) literal;
                    if (s.length() != 1) {
                        throw new IllegalArgumentException("a char16 is one character");
                    }
                    yield s;
                }
                case DATETIME -> CimDateTime.parse((String) literal);
                case REAL32, REAL64 -> ((Number) literal).doubleValue();
                case REFERENCE -> throw new IllegalArgumentException("a reference takes an alias such as $Name");
                default -> {
                    if (!(literal instanceof Long l)) {
                        throw new IllegalArgumentException("an integer is expected");
                    }
                    yield type.checkRange(l);
                }
            };
        } catch (ClassCastException e) {
            throw new MofException(at, property + " is " + type.mofName() + ": " + literal + " does not fit");
        } catch (IllegalArgumentException e) {
            throw new MofException(at, property + " is " + type.mofName() + ": " + e.getMessage());
        }
    }
}
