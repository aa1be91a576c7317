package hvemu.wsman;

import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the MI client (PowerShell's CIM cmdlets) is told of each fault, beside the {@link FaultTable}: the
 * values of the {@code MSFT_WmiError} detail that the client turns into a {@code CimException}
 * (wire.md §5.1, variant 2). This is the only place that decides them.
 *
 * <p>Each fault gets a CIM status code (DSP0200; {@code CIMStatusCode}, the exception's StatusCode), an
 * HRESULT ({@code error_Code}, and {@code MessageID} as {@code "HRESULT 0x80041002"}, the cmdlets'
 * FullyQualifiedErrorId) and an error category ({@code error_Category}, the ErrorRecord's category):
 *
 * <ul>
 *   <li>A failure with a CIM cause (the operation names it: no such instance, class or namespace, the
 *       provider's refusal) is reported as WMI reports it: its status, the WMI HRESULT of that status
 *       ({@code WBEM_E_*}, WbemCli.h) and the category OMI ({@code ErrorCategoryFromMIResult},
 *       Unix/base/omierror.c) and PowerShell ({@code ConvertCimNativeErrorCodeToErrorCategory},
 *       CimCmdlets/CimWriteError.cs) give that status. PowerShell's own tests expect
 *       {@code HRESULT 0x8004100e} for a namespace that does not exist (Get-CimClass.Tests.ps1).</li>
 *   <li>A failure of the protocol is reported as WinRM reports its own: the WS-Man HRESULT of the fault
 *       ({@code HRESULT 0x8033...}, as in fixture winrm-fault-msft-wmierror-quotalimit-response.xml), a CIM
 *       status for its kind, and a category for its kind.</li>
 * </ul>
 *
 * <p>Categories are numbered as MI_ErrorCategory and PowerShell's ErrorCategory number them (MI.h).
 */
final class WmiErrorTable {
    /**
     * The values of one MSFT_WmiError: CIM status code, HRESULT, error category, and whether the error
     * is WMI's (a {@code WBEM_E_*} HRESULT) or WinRM's own (a WS-Man one).
     */
    record Row(int cimStatus, long hresult, int category, boolean wmi) {
    }

    // CIM status codes (DSP0200 / MI_Result).
    static final int FAILED = 1;
    static final int ACCESS_DENIED = 2;
    static final int INVALID_NAMESPACE = 3;
    static final int INVALID_PARAMETER = 4;
    static final int INVALID_CLASS = 5;
    static final int NOT_FOUND = 6;
    static final int NOT_SUPPORTED = 7;
    static final int ALREADY_EXISTS = 11;
    static final int NO_SUCH_PROPERTY = 12;
    static final int TYPE_MISMATCH = 13;
    static final int QUERY_LANGUAGE_NOT_SUPPORTED = 14;
    static final int INVALID_QUERY = 15;
    static final int METHOD_NOT_FOUND = 17;
    static final int INVALID_ENUMERATION_CONTEXT = 21;

    // Error categories (MI_ErrorCategory, PowerShell's ErrorCategory).
    static final int NOT_SPECIFIED = 0;
    static final int INVALID_ARGUMENT = 5;
    static final int INVALID_TYPE = 9;
    static final int METADATA_ERROR = 10;
    static final int NOT_IMPLEMENTED = 11;
    static final int OBJECT_NOT_FOUND = 13;
    static final int OPERATION_TIMEOUT = 15;
    static final int PERMISSION_DENIED = 18;
    static final int RESOURCE_EXISTS = 20;
    static final int PROTOCOL_ERROR = 26;
    static final int LIMITS_EXCEEDED = 29;

    /** A status as WMI reports it: its WBEM_E_* HRESULT and its category. */
    private record Wmi(long hresult, int category) {
    }

    /** A kind of fault without a CIM cause: its status, and whether WMI or WinRM itself reports it. */
    private record Kind(int cimStatus, boolean wmi, int category) {
    }

    private static final Map<Integer, Wmi> WMI = Map.ofEntries(
            Map.entry(FAILED, new Wmi(0x80041001L, NOT_SPECIFIED)),               // WBEM_E_FAILED
            Map.entry(ACCESS_DENIED, new Wmi(0x80041003L, PERMISSION_DENIED)),    // WBEM_E_ACCESS_DENIED
            Map.entry(INVALID_NAMESPACE, new Wmi(0x8004100EL, METADATA_ERROR)),   // WBEM_E_INVALID_NAMESPACE
            Map.entry(INVALID_PARAMETER, new Wmi(0x80041008L, INVALID_ARGUMENT)), // WBEM_E_INVALID_PARAMETER
            Map.entry(INVALID_CLASS, new Wmi(0x80041010L, METADATA_ERROR)),       // WBEM_E_INVALID_CLASS
            Map.entry(NOT_FOUND, new Wmi(0x80041002L, OBJECT_NOT_FOUND)),         // WBEM_E_NOT_FOUND
            Map.entry(NOT_SUPPORTED, new Wmi(0x8004100CL, NOT_IMPLEMENTED)),      // WBEM_E_NOT_SUPPORTED
            Map.entry(ALREADY_EXISTS, new Wmi(0x80041019L, RESOURCE_EXISTS)),     // WBEM_E_ALREADY_EXISTS
            // IWbemClassObject::Put of a name the class lacks fails WBEM_E_NOT_FOUND; there is no WBEM_E_ of its own.
            Map.entry(NO_SUCH_PROPERTY, new Wmi(0x80041002L, METADATA_ERROR)),
            Map.entry(TYPE_MISMATCH, new Wmi(0x80041005L, INVALID_TYPE)),         // WBEM_E_TYPE_MISMATCH
            Map.entry(QUERY_LANGUAGE_NOT_SUPPORTED, new Wmi(0x80041018L, NOT_IMPLEMENTED)), // WBEM_E_INVALID_QUERY_TYPE
            Map.entry(INVALID_QUERY, new Wmi(0x80041017L, INVALID_ARGUMENT)),     // WBEM_E_INVALID_QUERY
            Map.entry(METHOD_NOT_FOUND, new Wmi(0x8004102EL, METADATA_ERROR)));   // WBEM_E_INVALID_METHOD

    private static final Map<FaultKind, Kind> KINDS = new EnumMap<>(FaultKind.class);

    static {
        // Failures of the envelope and its headers: WinRM's own, before any provider is asked.
        winrm(FaultKind.VERSION_MISMATCH, FAILED, PROTOCOL_ERROR);
        winrm(FaultKind.MUST_UNDERSTAND, FAILED, PROTOCOL_ERROR);
        winrm(FaultKind.INVALID_MESSAGE_INFORMATION_HEADER, FAILED, PROTOCOL_ERROR);
        winrm(FaultKind.MESSAGE_INFORMATION_HEADER_REQUIRED, FAILED, PROTOCOL_ERROR);
        winrm(FaultKind.SCHEMA_VALIDATION_ERROR, FAILED, PROTOCOL_ERROR);
        winrm(FaultKind.ENCODING_LIMIT, FAILED, LIMITS_EXCEEDED);
        winrm(FaultKind.UNSUPPORTED_FEATURE, NOT_SUPPORTED, NOT_IMPLEMENTED);
        winrm(FaultKind.ACTION_NOT_SUPPORTED, NOT_SUPPORTED, NOT_IMPLEMENTED);
        // A resource URI that names no CIM class at all (a namespace, class or instance not found has a CIM cause).
        winrm(FaultKind.DESTINATION_UNREACHABLE, NOT_FOUND, OBJECT_NOT_FOUND);
        winrm(FaultKind.INVALID_SELECTORS, INVALID_PARAMETER, INVALID_ARGUMENT);
        winrm(FaultKind.INVALID_OPTIONS, INVALID_PARAMETER, INVALID_ARGUMENT);
        winrm(FaultKind.INVALID_REPRESENTATION, INVALID_PARAMETER, INVALID_ARGUMENT);
        winrm(FaultKind.INVALID_ENUMERATION_CONTEXT, INVALID_ENUMERATION_CONTEXT, METADATA_ERROR);
        winrm(FaultKind.TIMED_OUT, FAILED, OPERATION_TIMEOUT);
        winrm(FaultKind.INTERNAL_ERROR, FAILED, NOT_SPECIFIED);
        // What WMI decides: the method's parameters, the provider's access check, the query.
        wmi(FaultKind.INVALID_PARAMETER, INVALID_PARAMETER);
        wmi(FaultKind.ACCESS_DENIED, ACCESS_DENIED);
        wmi(FaultKind.CANNOT_PROCESS_FILTER, INVALID_QUERY);
        wmi(FaultKind.FILTER_DIALECT_REQUESTED_UNAVAILABLE, QUERY_LANGUAGE_NOT_SUPPORTED);
    }

    private WmiErrorTable() {
    }

    /**
     * Returns the MSFT_WmiError values of a fault.
     *
     * @param cimStatus the CIM status of the failure's cause, or 0 when it has none
     */
    static Row row(FaultKind kind, FaultDetail detail, int cimStatus) {
        Wmi byStatus = WMI.get(cimStatus);
        if (byStatus != null) {
            return new Row(cimStatus, byStatus.hresult(), byStatus.category(), true);
        }
        Kind k = KINDS.get(kind);
        if (k.wmi()) {
            Wmi w = WMI.get(k.cimStatus());
            return new Row(k.cimStatus(), w.hresult(), w.category(), true);
        }
        return new Row(k.cimStatus(), FaultTable.hresult(kind, detail), k.category(), false);
    }

    private static void winrm(FaultKind kind, int cimStatus, int category) {
        KINDS.put(kind, new Kind(cimStatus, false, category));
    }

    private static void wmi(FaultKind kind, int cimStatus) {
        KINDS.put(kind, new Kind(cimStatus, true, WMI.get(cimStatus).category()));
    }
}
