package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.cimxml.CimXmlClassWriter;
import hvemu.cim.schema.Schema;
import hvemu.operations.codec.ResourceUri;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request on the class declarations of {@link Namespaces#CIM_XML_URI}, read from its selectors and
 * options: the namespace ({@code __cimnamespace}, compared case-insensitively, {@code /} or {@code \}),
 * the class ({@code ClassName}; empty for every class when enumerating) and what the declarations include.
 *
 * <p>The options are those the MI client sends ({@code IncludeInheritanceHierarchy},
 * {@code IncludeInheritedElements}, {@code IncludeQualifiers}, fixture mi-client-getclass-request.xml),
 * and {@code IncludeClassOrigin}, with or without a prefix such as {@code wmi:}. Absent ones take what
 * Windows answers a request without options (pysammwr docs/xmldata/Win32_Process_schema.xml): inherited
 * elements and class origins, no qualifiers and no derivation.
 *
 * @param namespace the namespace as the client wrote it
 * @param className the class as the client wrote it, or null when the request names none
 * @param options what the declarations include
 */
record ClassRequest(String namespace, String className, CimXmlClassWriter.Options options) {
    static final String CLASS_NAME = "ClassName";

    /**
     * Reads and checks a request.
     *
     * @param classRequired whether the request must name a class (Get) or may name none (Enumerate)
     * @throws OperationException {@code w:InvalidSelectors} for a selector repeated, unknown, or a missing
     *     class name; {@code a:DestinationUnreachable} for a namespace not served; {@code w:InvalidOptions}
     *     for an option value that is not a boolean
     */
    static ClassRequest of(Schema schema, OperationRequest request, boolean classRequired) throws OperationException {
        String namespace = null;
        String className = null;
        Set<String> seen = new HashSet<>();
        for (Selector s : request.selectors()) {
            if (!seen.add(s.name().toLowerCase(Locale.ROOT))) {
                throw invalid(FaultDetail.DUPLICATE_SELECTORS, "The selector " + s.name() + " appears more than once.");
            }
            if (s.name().equalsIgnoreCase(ResourceUri.CIM_NAMESPACE)) {
                namespace = s.value();
            } else if (s.name().equalsIgnoreCase(CLASS_NAME)) {
                className = s.value().isEmpty() ? null : s.value();
            } else {
                throw invalid(FaultDetail.UNEXPECTED_SELECTORS, "The selector " + s.name() + " is not one of "
                        + ResourceUri.CIM_NAMESPACE + " and " + CLASS_NAME + ", which address class declarations.");
            }
        }
        if (classRequired && className == null) {
            throw invalid(FaultDetail.INSUFFICIENT_SELECTORS, "The selector " + CLASS_NAME + " is missing; a Get of "
                    + Namespaces.CIM_XML_URI + " names the class whose declaration it returns.");
        }
        // Without __cimnamespace Windows looks in root/hardware, as for DMTF URIs (MS-WSMV §3.1.4.1.1).
        ClassRequest read = new ClassRequest(namespace == null ? "root/hardware" : namespace, className,
                new CimXmlClassWriter.Options(option(request, "IncludeQualifiers", false),
                        option(request, "IncludeInheritedElements", true), option(request, "IncludeClassOrigin", true),
                        option(request, "IncludeInheritanceHierarchy", false)));
        Target.requireNamespace(schema, read.uri());
        return read;
    }

    /**
     * Returns the class the request names.
     *
     * @throws OperationException {@code a:DestinationUnreachable} when the namespace has no such class
     */
    CimClass cls(Schema schema) throws OperationException {
        return Target.classOf(schema, uri());
    }

    /** The request as a DMTF-style address, whose namespace and class the operations check. */
    private ResourceUri uri() {
        return new ResourceUri(true, namespace, className);
    }

    private static boolean option(OperationRequest request, String name, boolean absent) throws OperationException {
        for (Map.Entry<String, List<String>> option : request.options().entrySet()) {
            String key = option.getKey();
            if (!key.substring(key.indexOf(':') + 1).equalsIgnoreCase(name) || option.getValue().isEmpty()) {
                continue;
            }
            String value = option.getValue().get(0).trim();
            // xs:boolean (XML Schema Part 2 §3.2.2): true, false, 1, 0; case aside, as for UsePreciseArrays.
            if (value.equalsIgnoreCase("true") || value.equals("1")) {
                return true;
            }
            if (value.equalsIgnoreCase("false") || value.equals("0")) {
                return false;
            }
            throw new OperationException(FaultKind.INVALID_OPTIONS, FaultDetail.INVALID_VALUE, "The option " + key
                    + " is xs:boolean (true, false, 1 or 0), not '" + value + "'.");
        }
        return absent;
    }

    private static OperationException invalid(FaultDetail detail, String message) {
        return new OperationException(FaultKind.INVALID_SELECTORS, detail, message);
    }
}
