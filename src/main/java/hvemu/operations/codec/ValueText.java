package hvemu.operations.codec;

import hvemu.cim.CimDateTime;

/** The text form of a scalar CIM value in XML (xs:boolean, decimal, xs:dateTime or xs:duration). */
final class ValueText {
    private ValueText() {
    }

    static String of(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : Double.toString(d).replace("Infinity", "INF");
        }
        if (value instanceof CimDateTime dt) {
            return dt.toXml();
        }
        return String.valueOf(value);
    }
}
