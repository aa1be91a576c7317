package hvemu.operations;

/**
 * The {@code w:FaultDetail} values hvemu sends, each one
 * {@code http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/<name>} (DSP0226 §14.6).
 */
public enum FaultDetail {
    ACTION_MISMATCH("ActionMismatch"),
    ADDRESSING_MODE("AddressingMode"),
    CHARACTER_SET("CharacterSet"),
    DATA_LOCALE("DataLocale"),
    DUPLICATE_SELECTORS("DuplicateSelectors"),
    ENUMERATION_MODE("EnumerationMode"),
    FRAGMENT_LEVEL_ACCESS("FragmentLevelAccess"),
    INSUFFICIENT_SELECTORS("InsufficientSelectors"),
    INVALID_NAME("InvalidName"),
    INVALID_NAMESPACE("InvalidNamespace"),
    INVALID_RESOURCE_URI("InvalidResourceURI"),
    INVALID_VALUE("InvalidValue"),
    INVALID_VALUES("InvalidValues"),
    LOCALE("Locale"),
    MAX_ENVELOPE_SIZE_EXCEEDED("MaxEnvelopeSizeExceeded"),
    MINIMUM_ENVELOPE_LIMIT("MinimumEnvelopeLimit"),
    TYPE_MISMATCH("TypeMismatch"),
    UNEXPECTED_SELECTORS("UnexpectedSelectors");

    private static final String BASE = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    private final String uri;

    FaultDetail(String name) {
        this.uri = BASE + name;
    }

    /** Returns the detail URI as it goes on the wire. */
    public String uri() {
        return uri;
    }
}
