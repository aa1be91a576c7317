package hvemu.cim;

import java.util.Locale;

/** The CIM data types (DSP0004 §5.2). */
public enum CimType {
    BOOLEAN("boolean"), UINT8("uint8"), SINT8("sint8"), UINT16("uint16"), SINT16("sint16"), UINT32("uint32"),
    SINT32("sint32"), UINT64("uint64"), SINT64("sint64"), REAL32("real32"), REAL64("real64"), CHAR16("char16"),
    STRING("string"), DATETIME("datetime"), REFERENCE("ref");

    private final String mofName;

    CimType(String mofName) {
        this.mofName = mofName;
    }

    /** Returns the type of a MOF type name (case-insensitive), or null when it is not one. */
    public static CimType ofMofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (CimType t : values()) {
            if (t.mofName.equals(n) && t != REFERENCE) {
                return t;
            }
        }
        return null;
    }

    /** Returns the MOF name of the type ({@code ref} for references). */
    public String mofName() {
        return mofName;
    }

    /** Returns true for the integer types. */
    public boolean isInteger() {
        return switch (this) {
            case UINT8, SINT8, UINT16, SINT16, UINT32, SINT32, UINT64, SINT64 -> true;
            default -> false;
        };
    }

    /** Returns the smallest value of an integer type. */
    public long min() {
        return switch (this) {
            case SINT8 -> Byte.MIN_VALUE;
            case SINT16 -> Short.MIN_VALUE;
            case SINT32 -> Integer.MIN_VALUE;
            case SINT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    /** Returns the largest value of an integer type (uint64 is limited to 2^63-1). */
    public long max() {
        return switch (this) {
            case UINT8 -> 0xFFL;
            case SINT8 -> Byte.MAX_VALUE;
            case UINT16 -> 0xFFFFL;
            case SINT16 -> Short.MAX_VALUE;
            case UINT32 -> 0xFFFF_FFFFL;
            case SINT32 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /**
     * Returns the value of this type that the text stands for, as it travels in XML (xs:boolean,
     * decimal integers, reals, text).
     *
     * @throws IllegalArgumentException when the text is not such a value; the message says why
     */
    public Object parse(String text) {
        String t = text.trim();
        switch (this) {
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("'" + text + "' is not a boolean");
            case REAL32, REAL64:
                try {
                    return Double.valueOf(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a " + mofName, e);
                }
            case CHAR16:
                if (text.length() != 1) {
                    throw new IllegalArgumentException("'" + text + "' is not one character");
                }
                return text;
            case STRING:
                return text;
            case DATETIME:
                return CimDateTime.parse(t);
            case REFERENCE:
                throw new IllegalArgumentException("a reference is not text");
            default:
                return checkRange(parseInteger(t, text));
        }
    }

    /** Returns the integer if it is within this type's range. */
    public long checkRange(long value) {
        if (value < min() || value > max()) {
            throw new IllegalArgumentException(value + " is out of range for " + mofName);
        }
        return value;
    }

    private long parseInteger(String t, String text) {
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + mofName, e);
        }
    }
}
