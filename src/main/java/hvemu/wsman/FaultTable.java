package hvemu.wsman;

import hvemu.operations.Namespaces;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The wire form of each {@link FaultKind}: SOAP 1.2 code and subcode, the fault Action of the
 * subcode's family, the HRESULT that goes into {@code f:WSManFault/@Code}, and Windows' reason text.
 *
 * <p>Values follow Windows WinRM (wire.md §5.2, wsmerror.h): for example a missing resource is
 * {@code s:Sender}/{@code a:DestinationUnreachable}, Action {@code .../addressing/fault}, Code
 * 2150858752 (0x80338000). This is the only place that knows them; what the MI client is told of the
 * same faults ({@code MSFT_WmiError}) is in {@link WmiErrorTable}, beside it.
 */
public final class FaultTable {
    /** One row of the table. {@code subcode} is null for {@code s:MustUnderstand}. */
    public record Row(QName code, QName subcode, String action, long hresult, String reason) {
    }

    private static final String P = "The WS-Management service cannot process the request. ";
    private static final QName SENDER = new QName(Namespaces.SOAP, "Sender", "s");
    private static final QName RECEIVER = new QName(Namespaces.SOAP, "Receiver", "s");
    private static final QName MUST_UNDERSTAND = new QName(Namespaces.SOAP, "MustUnderstand", "s");
    private static final QName VERSION_MISMATCH = new QName(Namespaces.SOAP, "VersionMismatch", "s");

    private static final Map<FaultKind, Row> ROWS = new EnumMap<>(FaultKind.class);
    /** Where Windows reports a more precise HRESULT for a detail than for its kind (wsmerror.h). */
    private static final Map<FaultDetail, Long> DETAIL_CODES = new EnumMap<>(Map.ofEntries(
            Map.entry(FaultDetail.UNEXPECTED_SELECTORS, 2150858843L),
            Map.entry(FaultDetail.INSUFFICIENT_SELECTORS, 2150858842L),
            Map.entry(FaultDetail.TYPE_MISMATCH, 2150858844L),
            Map.entry(FaultDetail.DUPLICATE_SELECTORS, 2150858847L),
            Map.entry(FaultDetail.INVALID_NAME, 2150858837L),
            Map.entry(FaultDetail.ADDRESSING_MODE, 2150858870L),
            Map.entry(FaultDetail.LOCALE, 2150858887L),
            Map.entry(FaultDetail.FRAGMENT_LEVEL_ACCESS, 2150858871L),
            Map.entry(FaultDetail.ENUMERATION_MODE, 2150858886L),
            Map.entry(FaultDetail.CHARACTER_SET, 2150858796L),
            Map.entry(FaultDetail.ACTION_MISMATCH, 2150858801L)));

    static {
        put(FaultKind.VERSION_MISMATCH, VERSION_MISMATCH, null, Actions.FAULT_ADDRESSING, 2150858765L,
                P + "The request is not a SOAP 1.2 envelope.");
        put(FaultKind.MUST_UNDERSTAND, MUST_UNDERSTAND, null, Actions.FAULT_ADDRESSING, 2150858768L,
                P + "The request contains a header that must be understood and is not.");
        put(FaultKind.ACTION_NOT_SUPPORTED, SENDER, a("ActionNotSupported"), Actions.FAULT_ADDRESSING,
                2150858771L, P + "The action is not supported by the service.");
        put(FaultKind.INVALID_MESSAGE_INFORMATION_HEADER, SENDER, a("InvalidMessageInformationHeader"),
                Actions.FAULT_ADDRESSING, 2150858767L, P + "The request contains one or more invalid SOAP headers.");
        put(FaultKind.MESSAGE_INFORMATION_HEADER_REQUIRED, SENDER, a("MessageInformationHeaderRequired"),
                Actions.FAULT_ADDRESSING, 2150858769L, P + "A required header is missing from the request.");
        put(FaultKind.DESTINATION_UNREACHABLE, SENDER, a("DestinationUnreachable"), Actions.FAULT_ADDRESSING,
                2150858752L, P + "The service cannot find the resource identified by the resource URI and selectors.");
        put(FaultKind.SCHEMA_VALIDATION_ERROR, SENDER, w("SchemaValidationError"), Actions.FAULT_WSMAN,
                2150858817L, P + "The SOAP XML in the message does not match the corresponding XML schema definition.");
        put(FaultKind.ENCODING_LIMIT, SENDER, w("EncodingLimit"), Actions.FAULT_WSMAN, 2150858805L,
                P + "An internal encoding limit was exceeded in a request or would be violated if the message were processed.");
        put(FaultKind.UNSUPPORTED_FEATURE, SENDER, w("UnsupportedFeature"), Actions.FAULT_WSMAN, 2150858818L,
                P + "The request uses a feature that the service does not support.");
        put(FaultKind.INVALID_SELECTORS, SENDER, w("InvalidSelectors"), Actions.FAULT_WSMAN, 2150858843L,
                "The WS-Management service cannot process the request because the request contained invalid selectors for the resource.");
        // ERROR_WSMAN_INVALID_OPTIONS 0x80338039: "wsman, code=Sender, subcode=WS-Management InvalidOptions" (wsmerror.h).
        put(FaultKind.INVALID_OPTIONS, SENDER, w("InvalidOptions"), Actions.FAULT_WSMAN, 2150858809L,
                P + "One or more options are not valid.");
        put(FaultKind.INVALID_PARAMETER, SENDER, w("InvalidParameter"), Actions.FAULT_WSMAN, 2150858810L,
                P + "A parameter of the method is invalid.");
        // ERROR_WSMAN_INVALID_REPRESENTATION 0x80338015: "wsa, code=Sender, subcode=wxf:InvalidRepresentation"
        // (wsmerror.h); the transfer fault Action, as OMI's fault table has it (wire.md §1).
        put(FaultKind.INVALID_REPRESENTATION, SENDER, x("InvalidRepresentation"), Actions.FAULT_TRANSFER,
                2150858773L, P + "The format of the object passed to a Put or Create method cannot be identified:"
                        + " the input XML may not be appropriate for the resource, or use the wrong schema for it.");
        // A WMI provider's 'access denied' is ERROR_WSMAN_WMI_PROVIDER_ACCESS_DENIED 0x80338105 (wsmerror.h),
        // answered w:AccessDenied as OMI and OpenPegasus map CIM_ERR_ACCESS_DENIED (docs/semantics.md).
        put(FaultKind.ACCESS_DENIED, SENDER, w("AccessDenied"), Actions.FAULT_WSMAN, 2150859013L,
                P + "The WMI provider returned an 'access denied' error.");
        put(FaultKind.CANNOT_PROCESS_FILTER, SENDER, n("CannotProcessFilter"), Actions.FAULT_ENUMERATION,
                2150858778L, P + "The filter cannot be processed.");
        put(FaultKind.FILTER_DIALECT_REQUESTED_UNAVAILABLE, SENDER, n("FilterDialectRequestedUnavailable"),
                Actions.FAULT_ENUMERATION, 2150858777L, P + "The filter dialect is not supported.");
        put(FaultKind.INVALID_ENUMERATION_CONTEXT, RECEIVER, n("InvalidEnumerationContext"),
                Actions.FAULT_ENUMERATION, 2150858779L, P + "The enumeration context is not valid.");
        put(FaultKind.TIMED_OUT, RECEIVER, w("TimedOut"), Actions.FAULT_WSMAN, 2150858793L,
                P + "The operation did not complete within the time specified in OperationTimeout.");
        put(FaultKind.INTERNAL_ERROR, RECEIVER, w("InternalError"), Actions.FAULT_WSMAN, 2147500037L,
                P + "The service failed while processing the request.");
    }

    private FaultTable() {
    }

    /** Returns the row of a kind; every kind has one. */
    public static Row row(FaultKind kind) {
        return ROWS.get(kind);
    }

    /**
     * Returns the name of a kind as Windows writes it in a fault: its subcode with Windows' prefix
     * ({@code a:DestinationUnreachable}), or its code when it has no subcode ({@code s:MustUnderstand}).
     */
    public static String name(FaultKind kind) {
        Row row = ROWS.get(kind);
        QName name = row.subcode() != null ? row.subcode() : row.code();
        return name.getPrefix() + ":" + name.getLocalPart();
    }

    /**
     * Returns the kind of that name, with or without its prefix and in any case ({@code DestinationUnreachable},
     * {@code a:destinationunreachable}), or empty when no row has it or the prefix is not the row's.
     */
    public static Optional<FaultKind> kindNamed(String name) {
        String n = name.trim();
        for (FaultKind kind : FaultKind.values()) {
            String full = name(kind);
            if (full.equalsIgnoreCase(n) || full.substring(full.indexOf(':') + 1).equalsIgnoreCase(n)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Returns the name of every kind, in the table's order ({@link #name}). */
    public static List<String> names() {
        return Arrays.stream(FaultKind.values()).map(FaultTable::name).toList();
    }

    /** Returns the HRESULT for a fault of this kind with this detail (which may be null). */
    public static long hresult(FaultKind kind, FaultDetail detail) {
        Long code = detail == null ? null : DETAIL_CODES.get(detail);
        return code != null ? code : ROWS.get(kind).hresult();
    }

    private static void put(FaultKind kind, QName code, QName subcode, String action, long hresult, String reason) {
        ROWS.put(kind, new Row(code, subcode, action, hresult, reason));
    }

    private static QName a(String local) {
        return new QName(Namespaces.ADDRESSING, local, "a");
    }

    private static QName w(String local) {
        return new QName(Namespaces.WSMAN, local, "w");
    }

    private static QName x(String local) {
        return new QName(Namespaces.TRANSFER, local, "x");
    }

    private static QName n(String local) {
        return new QName(Namespaces.ENUMERATION, local, "n");
    }
}
