package hvemu.operations;

/**
 * The kinds of WS-Management fault that hvemu answers with, by protocol meaning.
 *
 * <p>Each kind names one row of the fault table of DSP0226 §14 and MS-WSMV as Windows WinRM applies it
 * (wire.md §5.2). The wire form of each kind (SOAP code and subcode, fault Action, HRESULT) is kept in
 * one table in the wsman layer, so that code raising a fault says only what went wrong.
 */
public enum FaultKind {
    /** The envelope is not a SOAP 1.2 envelope. */
    VERSION_MISMATCH,
    /** A header block with mustUnderstand="true" that the service does not know. */
    MUST_UNDERSTAND,
    /** The Action is not one the service supports, or names no method of the resource. */
    ACTION_NOT_SUPPORTED,
    /** A message information header is present but unusable (bad timeout, duplicate header, ...). */
    INVALID_MESSAGE_INFORMATION_HEADER,
    /** A required message information header (Action, MessageID, ReplyTo) is missing. */
    MESSAGE_INFORMATION_HEADER_REQUIRED,
    /** The body does not have the element the operation requires, or the XML cannot be read. */
    SCHEMA_VALIDATION_ERROR,
    /** A limit on encoding is broken: MaxEnvelopeSize below the minimum, or an unsupported charset. */
    ENCODING_LIMIT,
    /** A feature the request asks for is not supported (addressing mode, Locale mustUnderstand, ...). */
    UNSUPPORTED_FEATURE,
    /** No resource answers to the resource URI and selectors. */
    DESTINATION_UNREACHABLE,
    /** Selectors are missing, unexpected, duplicated or of the wrong type. */
    INVALID_SELECTORS,
    /** An option the operation reads has a value it cannot take. */
    INVALID_OPTIONS,
    /** A method parameter is unknown or has a value of the wrong type. */
    INVALID_PARAMETER,
    /**
     * The body of a Put is not a representation of the resource: another class, a property the class
     * lacks, a value of the wrong type.
     */
    INVALID_REPRESENTATION,
    /** The provider refuses the change: a read-only property or a key, or an instance it keeps. */
    ACCESS_DENIED,
    /** A filter cannot be processed (bad query, unknown class). */
    CANNOT_PROCESS_FILTER,
    /** The filter dialect is not supported. */
    FILTER_DIALECT_REQUESTED_UNAVAILABLE,
    /** The enumeration context is unknown, released or expired. */
    INVALID_ENUMERATION_CONTEXT,
    /** The operation did not finish within its OperationTimeout. */
    TIMED_OUT,
    /** The service failed while processing a valid request. */
    INTERNAL_ERROR
}
