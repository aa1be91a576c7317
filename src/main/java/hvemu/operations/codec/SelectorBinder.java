package hvemu.operations.codec;

import hvemu.cim.CimClass;
import hvemu.cim.CimProperty;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import hvemu.operations.Selector;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a request's selectors into the object path of an instance of a class, checking them as WinRM
 * does (wire.md §5.2): a repeated selector is {@code DuplicateSelectors}, one that is not a key
 * {@code UnexpectedSelectors}, a missing key {@code InsufficientSelectors}, a value of the wrong type
 * {@code TypeMismatch}. Names compare case-insensitively; {@code __cimnamespace} is not a key.
 */
public final class SelectorBinder {
    private SelectorBinder() {
    }

    /** Returns the path the selectors address, in the class's key order. */
    public static ObjectPath bind(String namespace, hvemu.cim.schema.Schema schema, CimClass cls, List<Selector> selectors)
            throws OperationException {
        Map<String, Selector> given = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Selector s : selectors) {
            String name = s.name().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw invalid(FaultDetail.DUPLICATE_SELECTORS, "The selector " + s.name() + " appears more than once.");
            }
            if (!name.equals(ResourceUri.CIM_NAMESPACE)) {
                given.put(name, s);
            }
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        for (CimProperty key : cls.keys()) {
            Selector s = given.remove(key.name().toLowerCase(Locale.ROOT));
            if (s == null) {
                throw invalid(FaultDetail.INSUFFICIENT_SELECTORS, "The selector " + key.name() + " is missing; "
                        + cls.name() + " is addressed by " + keyNames(cls) + ".");
            }
            keys.put(key.name(), value(namespace, schema, key, s));
        }
        if (!given.isEmpty()) {
            Selector extra = given.values().iterator().next();
            throw invalid(FaultDetail.UNEXPECTED_SELECTORS, "The selector " + extra.name() + " is not a key of "
                    + cls.name() + ", which is addressed by " + keyNames(cls) + ".");
        }
        return ObjectPath.of(namespace, cls.name(), keys);
    }

    private static Object value(String namespace, hvemu.cim.schema.Schema schema, CimProperty key, Selector s)
            throws OperationException {
        if (key.type() == CimType.REFERENCE) {
            if (s.reference() == null) {
                throw invalid(FaultDetail.TYPE_MISMATCH, "The selector " + s.name() + " is a reference; give it as an "
                        + "endpoint reference.");
            }
            ResourceUri uri = ResourceUri.parse(s.reference().resourceUri(), s.reference().selectors());
            CimClass target = schema.find(uri.className()).orElseThrow(() -> invalid(FaultDetail.INVALID_VALUE,
                    "The selector " + s.name() + " refers to the class " + uri.className() + ", which does not exist."));
            return bind(namespace, schema, target, s.reference().selectors());
        }
        if (s.reference() != null) {
            throw invalid(FaultDetail.TYPE_MISMATCH, "The selector " + s.name() + " is " + key.type().mofName()
                    + ", not a reference.");
        }
        try {
            return key.type().parse(s.value());
        } catch (IllegalArgumentException e) {
            throw invalid(FaultDetail.TYPE_MISMATCH, "The selector " + s.name() + " is " + key.type().mofName()
                    + ": " + e.getMessage() + ".");
        }
    }

    private static String keyNames(CimClass cls) {
        return cls.keys().stream().map(CimProperty::name).collect(Collectors.joining(", "));
    }

    private static OperationException invalid(FaultDetail detail, String message) {
        return new OperationException(FaultKind.INVALID_SELECTORS, detail, message);
    }
}
